import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import { csvRecords } from '../helpers/csv.js';
import { startCli } from './helpers/child.js';
import { Outputs, tempDir, until } from './helpers/run.js';

/** CDR export and summary, dial-in and raw API calls, as the built binary, against seeded demo data. */
const out = new Outputs();
out.scan();
let t: TestEmulator;
const dir = tempDir('reports');
const statePath = join(dir, 'state.json');
/** The emulator's clock stands still here, so the demo month is the same on every run. */
const NOW = new Date('2026-11-29T12:00:00Z');

/** What the emulator holds: CDR records (read from its state file, not through the CLI). */
function storedCdr(): { cdr_id: string; trans_date: string; room: { room_id: string } }[] {
  const state = JSON.parse(readFileSync(statePath, 'utf8')) as {
    cdr: { cdr_id: string; trans_date: string; room: { room_id: string } }[];
  };
  return state.cdr;
}

/** The stored records of November 2026 (the emulator filters on trans_date, UTC days). */
function novemberIds(): string[] {
  return storedCdr()
    .filter((r) => r.trans_date >= '2026-11-01' && r.trans_date < '2026-12-01')
    .map((r) => r.cdr_id);
}

beforeAll(async () => {
  t = await startTestEmulator({ outputs: out, seed: 'demo', statePath, now: () => NOW });
});

describe('cdr', () => {
  it('exports November as a complete CSV file with only app id, key and base URL in the environment', async () => {
    const home = tempDir('cdr-home');
    const env = {
      HOME: home,
      ENABLEX_APP_ID: t.creds.appId,
      ENABLEX_APP_KEY: t.creds.appKey,
      ENABLEX_BASE_URL: t.emu.baseUrl,
    };
    const r = await out.run(
      ['cdr', '--from', '2026-11-01', '--to', '2026-11-30', '-o', 'csv', '--out', 'cdr.csv'],
      {
        env,
        cwd: dir,
      },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const expected = novemberIds();
    expect(expected.length).toBeGreaterThan(20);
    expect(r.stderr).toContain(`Wrote ${expected.length} records to cdr.csv`);
    const { header, records } = csvRecords(readFileSync(join(dir, 'cdr.csv'), 'utf8'));
    expect(header.slice(0, 4)).toEqual(['trans_date', 'conf_num', 'sip', 'call_num']);
    expect(header).toContain('usage.connect_minutes');
    expect(records).toHaveLength(expected.length);
    expect(records.map((x) => x['cdr_id']).sort()).toEqual([...expected].sort());
    for (const x of records) expect((x['trans_date'] ?? '') >= '2026-11-01').toBe(true);
    // Written in chunk order: the dates never go back.
    const days = records.map((x) => (x['trans_date'] ?? '').slice(0, 10));
    expect(days).toEqual([...days].sort());
    expect(readdirSync(home)).toEqual([]);
  });

  it('fails (exit 5) when a chunk fails after retries, leaving no file and no temp file', async () => {
    const target = tempDir('cdr-fail');
    writeFileSync(join(target, 'keep.txt'), 'unrelated');
    await t.faults({ failRate: 1, failStatus: 500, match: 'GET /video/v2/cdr/period/2026-11-15' });
    try {
      const mark = t.requests.length;
      const r = await out.run(
        [
          'cdr',
          '--from',
          '2026-11-01',
          '--to',
          '2026-11-30',
          '-o',
          'csv',
          '--out',
          join(target, 'cdr.csv'),
          '--retries',
          '1',
        ],
        { env: t.env() },
      );
      expect(r.code, r.stderr).toBe(5);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('GET /cdr/period/2026-11-15/2026-11-15: server error');
      expect(r.stderr).toContain('Nothing was written to');
      expect(readdirSync(target)).toEqual(['keep.txt']);
      const failing = t.since(mark).filter((l) => l.includes('/cdr/period/2026-11-15/'));
      expect(failing).toHaveLength(2);
    } finally {
      await t.faults({});
    }
  });

  it('Ctrl-C during an export exits 130 and leaves nothing behind', async () => {
    const target = tempDir('cdr-interrupt');
    await t.faults({ hangRate: 1, match: 'GET /video/v2/cdr/' });
    try {
      const run = startCli(
        ['cdr', '--from', '2026-11-01', '--to', '2026-11-30', '--out', join(target, 'cdr.csv')],
        {
          env: t.env(),
          outputs: out,
        },
      );
      // The temp file appears beside the target before the first request is sent.
      await until('the export to start', () => (readdirSync(target).length > 0 ? true : undefined), 15_000);
      run.kill('SIGINT');
      const r = await run.done;
      expect(r.code, r.stderr).toBe(130);
      expect(r.stdout).toBe('');
      expect(readdirSync(target)).toEqual([]);
    } finally {
      await t.faults({});
    }
  });

  it('prints JSON and NDJSON with the same records', async () => {
    const standup = storedCdr()[0]?.room.room_id as string;
    const forRoom = storedCdr().filter((r) => r.room.room_id === standup);
    const [json, ndjson] = await Promise.all([
      out.run(['cdr', '--room', standup, '-o', 'json'], { env: t.env() }),
      out.run(
        [
          'cdr',
          '--from',
          '2026-11-01',
          '--to',
          '2026-11-30',
          '-o',
          'ndjson',
          '--fields',
          'cdr_id,room.room_id',
        ],
        {
          env: t.env(),
        },
      ),
    ]);
    expect(json.code, json.stderr).toBe(0);
    const list = JSON.parse(json.stdout) as { cdr_id: string }[];
    expect(list.map((r) => r.cdr_id).sort()).toEqual(forRoom.map((r) => r.cdr_id).sort());
    expect(ndjson.code, ndjson.stderr).toBe(0);
    const lines = ndjson.stdout.trim().split('\n');
    expect(lines).toHaveLength(novemberIds().length);
    for (const line of lines) {
      const rec = JSON.parse(line) as Record<string, unknown>;
      expect(Object.keys(rec).sort()).toEqual(['cdr_id', 'room']);
    }
  });

  it('summarises a period: totals match the records', async () => {
    const r = await out.run(['cdr', 'summary', '--from', '2026-11-01', '--to', '2026-11-30', '-o', 'json'], {
      env: t.env(),
    });
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as {
      totals: { records: number; connect_minutes: number };
      by_room: { records: number }[];
      by_day: { day: string }[];
    };
    expect(s.totals.records).toBe(novemberIds().length);
    expect(s.by_room.reduce((n, x) => n + x.records, 0)).toBe(s.totals.records);
    expect(s.totals.connect_minutes).toBeGreaterThan(0);
    for (const d of s.by_day) expect(d.day >= '2026-11-01' && d.day <= '2026-11-30').toBe(true);
  });
});

describe('dialin', () => {
  it('hides the app key and SIP password by default, in every format', async () => {
    const [table, json] = await Promise.all([
      out.run(['dialin'], { env: t.env() }),
      out.run(['dialin', '-o', 'json'], { env: t.env() }),
    ]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('Dial-in numbers:');
    expect(table.stdout).toContain('toll-free');
    expect(table.stderr).toMatch(/Hidden: .*app_key.*--show-secrets/);
    expect(json.code, json.stderr).toBe(0);
    const d = JSON.parse(json.stdout) as { app_key: string; sip: { password: string; username: string } };
    expect(d.app_key).toBe('[hidden]');
    expect(d.sip.password).toBe('[hidden]');
    expect(d.sip.username).toMatch(/^enx/);
  });

  it('--show-secrets shows them', async () => {
    const r = await out.run(['dialin', '--show-secrets', '-o', 'json'], {
      env: t.env(),
      revealsSecrets: true,
    });
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout) as { app_key: string; sip: { password: string } };
    expect(d.app_key).toBe(t.creds.appKey);
    expect(d.sip.password).toMatch(/^[0-9a-f]{20}$/);
  });
});

describe('api', () => {
  it('GET rooms, POST a token with --data, and masks secrets in answers', async () => {
    const rooms = await out.run(['api', 'GET', 'rooms'], { env: t.env() });
    expect(rooms.code, rooms.stderr).toBe(0);
    const body = JSON.parse(rooms.stdout) as { result: number; rooms: { room_id: string; name: string }[] };
    expect(body.result).toBe(0);
    const standup = body.rooms.find((r) => r.name === 'Team stand-up');
    expect(standup).toBeDefined();

    const [token, dialin] = await Promise.all([
      out.run(
        [
          'api',
          'POST',
          `/rooms/${standup?.room_id}/tokens`,
          '--data',
          '{"name":"Raw","role":"participant","user_ref":"raw-1"}',
        ],
        { env: t.env() },
      ),
      out.run(['api', 'get', 'dialin/'], { env: t.env() }),
    ]);
    expect(token.code, token.stderr).toBe(0);
    expect(JSON.parse(token.stdout)).toMatchObject({
      result: 0,
      token: expect.stringMatching(/^[A-Za-z0-9+/=]+$/),
    });
    expect(dialin.code, dialin.stderr).toBe(0);
    expect((JSON.parse(dialin.stdout) as { app_key: string }).app_key).toBe('[hidden]');
  });

  it('a bad path or method is exit 2 and sends nothing', async () => {
    const mark = t.requests.length;
    const rs = await Promise.all([
      out.run(['api', 'GET', '../rooms'], { env: t.env() }),
      out.run(['api', 'GET', 'http://example.com/rooms'], { env: t.env() }),
      out.run(['api', 'FETCH', 'rooms'], { env: t.env() }),
      out.run(['api', 'POST', 'rooms', '--data', '{not json'], { env: t.env() }),
    ]);
    for (const r of rs) {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^Error: /);
    }
    expect(rs[0]?.stderr).toContain('<path>');
    expect(rs[2]?.stderr).toContain('<method>');
    expect(rs[3]?.stderr).toContain('--data');
    expect(t.since(mark)).toEqual([]);
  });
});
