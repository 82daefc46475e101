import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiRoom, startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import { seedFor } from './helpers/faults.js';
import { Outputs } from './helpers/run.js';

/** Exit codes, retries and faults, as the built binary, against an in-process emulator. */
const out = new Outputs();
out.scan();
let t: TestEmulator;
const WRONG_KEY = 'wrongKeyX7p2Lq9Vz4Rm8Tn3Bc6Hd1Jf5Gk0';
out.secret(WRONG_KEY);

beforeAll(async () => {
  t = await startTestEmulator({ outputs: out });
});
afterEach(async () => {
  await t.faults({});
});

const ROOMS = 'GET /video/v2/rooms';
const CREATE = 'POST /video/v2/rooms';

/** Log lines of one kind of request since a mark. */
const seen = (mark: number, what: string) => t.since(mark).filter((l) => l.startsWith(`${what} `));

describe('API errors', () => {
  it('bad credentials exit 3 (result 10000), a missing room exits 4; stdout stays empty', async () => {
    const [badKey, missing, verbose] = await Promise.all([
      out.run(['room', 'list'], { env: t.env({ ENABLEX_APP_KEY: WRONG_KEY }) }),
      out.run(['room', 'get', 'dddddddddddddddddddddddd'], { env: t.env() }),
      out.run(['room', 'list', '--verbose', '--retries', '0'], {
        env: t.env({ ENABLEX_APP_KEY: WRONG_KEY }),
      }),
    ]);
    expect(badKey.code, badKey.stderr).toBe(3);
    expect(badKey.stdout).toBe('');
    expect(badKey.stderr).toContain('result 10000');
    expect(badKey.stderr).toMatch(/Hint: .*app id and app key/);
    expect(missing.code, missing.stderr).toBe(4);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^Error: GET \/rooms\/dddddddddddddddddddddddd: Room not found/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    expect(verbose.code, verbose.stderr).toBe(3);
    expect(verbose.stderr).toContain('authorization: Basic [REDACTED]');
  });

  it('invalid input exits 2 and sends nothing', async () => {
    const room = await apiRoom(t);
    const roomsBefore = (await t.roomIds()).length;
    const mark = t.requests.length;
    const cases: [string[], RegExp][] = [
      [['room', 'create', '--name', 'No owner'], /--owner-ref/],
      [
        ['room', 'create', '--name', 'x', '--owner-ref', 'o', '--max-active-talkers', '20'],
        /--max-active-talkers/,
      ],
      [
        ['room', 'create', '--name', 'x', '--owner-ref', 'o', '--scheduled', '--duration', '30'],
        /--scheduled-time/,
      ],
      [['room', 'create', '--name', 'x', '--owner-ref', 'o', '--quality', 'UHD'], /--quality|quality/],
      [['room', 'get', ' '], /<room-id> is empty/],
      [['cdr', '--conf', 'abc'], /--conf "abc" is not a conference number/],
      [['archive', '--from', '2099-01-01', '--to', '2099-01-02'], /in the future/],
      [
        [
          'token',
          room,
          '--name',
          'A',
          '--user-ref',
          'a',
          ...['a', 'b', 'c', 'd', 'e', 'f'].flatMap((k) => ['--data', `${k}=1`]),
        ],
        /--data/,
      ],
      [['cdr', '--from', '2026-02-30', '--to', '2026-03-01'], /--from/],
      [['archive', '--from', '2026-03-02', '--to', '2026-03-01'], /--from/],
      [['room', 'list', '--timeout', '0'], /--timeout/],
    ];
    const results = await Promise.all(cases.map(([args]) => out.run(args, { env: t.env() })));
    results.forEach((r, i) => {
      const [args, pattern] = cases[i] as [string[], RegExp];
      expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^Error: /);
      expect(r.stderr).toMatch(pattern);
    });
    expect(t.since(mark)).toEqual([]);
    expect(await t.roomIds()).toHaveLength(roomsBefore);
  });
});

describe('retries and faults', () => {
  it('a 429 with Retry-After on a GET is waited out, then succeeds', async () => {
    const set = await out.run(
      [
        'emulator',
        'faults',
        '--fail-first',
        '1',
        '--fail-status',
        '429',
        '--retry-after',
        '1',
        '--fault-match',
        ROOMS,
      ],
      { env: t.env() },
    );
    expect(set.code, set.stderr).toBe(0);
    expect(set.stderr).toContain('Faults set: first 1 requests fail (429)');
    expect(await t.control('GET', '/faults')).toMatchObject({
      faults: { failFirstRemaining: 1, failStatus: 429 },
    });
    const mark = t.requests.length;
    const r = await out.run(['room', 'list', '-q', '--verbose'], { env: t.env() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/retrying in 1000 ms/);
    expect(r.ms).toBeGreaterThanOrEqual(1000);
    const lines = seen(mark, ROOMS);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/ 429 .*\[fault: fail\]/);
    expect(lines[1]).toMatch(/ 200 /);
  });

  it('500s beyond --retries exit 5 after 1 + retries attempts', async () => {
    await t.faults({ failRate: 1, failStatus: 500, match: ROOMS });
    const mark = t.requests.length;
    const r = await out.run(['room', 'list', '--retries', '1'], { env: t.env() });
    expect(r.code, r.stderr).toBe(5);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('server error');
    expect(seen(mark, ROOMS)).toHaveLength(2);
  });

  it('a hung request with --timeout 1 exits 5 (no hang)', async () => {
    await t.faults({ hangRate: 1, match: ROOMS });
    const r = await out.run(['room', 'list', '--timeout', '1', '--retries', '0'], { env: t.env() });
    expect(r.code, r.stderr).toBe(5);
    expect(r.stderr).toMatch(/did not answer within 1 s/);
  });

  it('a truncated body and an HTML page instead of JSON exit 5', async () => {
    await t.faults({ truncateRate: 1, match: ROOMS });
    const truncated = await out.run(['room', 'list', '--retries', '0'], { env: t.env() });
    await t.faults({ nonJsonRate: 1, nonJsonStatus: 200, match: ROOMS });
    const html = await out.run(['room', 'list', '--retries', '0'], { env: t.env() });
    for (const r of [truncated, html]) {
      expect(r.code, r.stderr).toBe(5);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^Error: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(html.stderr).toContain('not readable JSON');
    // A short excerpt of the page is shown, not the whole of it.
    expect(html.stderr).not.toContain('</html>');
  });

  it('a reset connection on a GET is retried and succeeds', async () => {
    const path = '/video/v2/rooms';
    await t.faults(seedFor({ resetRate: 0.5, match: ROOMS }, 'GET', path, ['reset', undefined]));
    const mark = t.requests.length;
    const r = await out.run(['room', 'list', '-o', 'json', '--retries', '2'], { env: t.env() });
    expect(r.code, r.stderr).toBe(0);
    expect(Array.isArray(JSON.parse(r.stdout))).toBe(true);
    const lines = seen(mark, ROOMS);
    expect(lines[0]).toMatch(/\[fault: reset\]/);
    expect(lines[1]).toMatch(/ 200 /);
    expect(lines).toHaveLength(2);
  });

  it('a POST is never retried after a 500 or a reset: no room is created', async () => {
    for (const fault of [{ failFirst: 1, failStatus: 500 as const }, { resetRate: 1 }]) {
      await t.faults({ ...fault, match: CREATE });
      const before = await t.roomIds();
      const mark = t.requests.length;
      const r = await out.run(['room', 'create', '--name', 'Once', '--owner-ref', 'o', '--retries', '3'], {
        env: t.env(),
      });
      expect(r.code, JSON.stringify(fault)).toBe(5);
      expect(r.stdout).toBe('');
      expect(seen(mark, CREATE)).toHaveLength(1);
      await t.faults({});
      expect(await t.roomIds()).toEqual(before);
    }
  });

  it('a POST whose answer is cut off is not retried: exactly one room is created', async () => {
    await t.faults({ truncateRate: 1, match: CREATE });
    const before = await t.roomIds();
    const mark = t.requests.length;
    const r = await out.run(['room', 'create', '--name', 'Cut off', '--owner-ref', 'o', '--retries', '3'], {
      env: t.env(),
    });
    expect(r.code, r.stderr).toBe(5);
    expect(seen(mark, CREATE)).toHaveLength(1);
    await t.faults({});
    const after = await t.roomIds();
    expect(after.filter((id) => !before.includes(id))).toHaveLength(1);
  });
});
