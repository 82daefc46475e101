import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { parse as parseYaml } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CDR_COLUMNS } from '../../../src/commands/cdr/columns.js';
import { API_ORIGIN, runCli, tempConfigDir } from '../../helpers/cli.js';
import { parseCsv } from '../../helpers/csv.js';
import { useNock } from '../../helpers/nock.js';
import { cdrBody, cdrRecord } from './fixtures.js';

useNock();

const api = () => nock(API_ORIGIN);
const HEADER = CDR_COLUMNS.join(',') + '\r\n';

/** The CSV cell of a column in a data row. */
const cell = (rows: string[][], r: number, column: string) => rows[r]![CDR_COLUMNS.indexOf(column)];

let dir: string;
let cleanupDir: () => void;
beforeEach(() => {
  ({ dir, cleanup: cleanupDir } = tempConfigDir());
});
afterEach(() => cleanupDir());

describe('cdr: filters to routes', () => {
  it.each([
    [['--conf', '100200300'], '/video/v2/cdr/conf/100200300'],
    [['--room', '5f3b2c1a9d8e7f6a5b4c3d2e'], '/video/v2/cdr/room/5f3b2c1a9d8e7f6a5b4c3d2e'],
    [['--from', '2026-11-01', '--to', '2026-11-01'], '/video/v2/cdr/period/2026-11-01/2026-11-01'],
    [
      ['--from', '2026-11-01', '--to', '2026-11-07', '--chunk-days', '7'],
      '/video/v2/cdr/period/2026-11-01/2026-11-07',
    ],
    [['--from', 'yesterday', '--to', 'yesterday'], '/video/v2/cdr/period/2026-11-28/2026-11-28'],
    [
      [
        '--room',
        '5f3b2c1a9d8e7f6a5b4c3d2f',
        '--from',
        '2026-11-01',
        '--to',
        '2026-11-03',
        '--chunk-days',
        '5',
      ],
      '/video/v2/cdr/room-period/5f3b2c1a9d8e7f6a5b4c3d2f/2026-11-01/2026-11-03',
    ],
  ])('%j -> GET %s', async (flags, path) => {
    api()
      .get(path)
      .reply(200, cdrBody([cdrRecord()]));
    const r = await runCli(['cdr', ...flags, '-o', 'csv']);
    expect(r.stderr).toBe('1 record\n');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(HEADER)).toBe(true);
  });

  it.each([
    ['2026-11-29T00:00:00.000Z', '2026-11-29'],
    ['2026-11-28T23:59:59.999Z', '2026-11-28'],
  ])('today at %s is %s (UTC)', async (now, day) => {
    api().get(`/video/v2/cdr/period/${day}/${day}`).reply(200, cdrBody([]));
    const r = await runCli(['cdr', '--from', 'today', '--to', 'today', '-o', 'csv'], { now: new Date(now) });
    expect(r.code).toBe(0);
  });

  it.each([
    ['2028-02-28', '2028-03-01', ['2028-02-28', '2028-02-29', '2028-03-01']],
    ['2027-02-28', '2027-03-01', ['2027-02-28', '2027-03-01']],
    ['2026-12-31', '2027-01-01', ['2026-12-31', '2027-01-01']],
  ])('%s..%s asks for each day across the month end', async (from, to, days) => {
    for (const d of days) api().get(`/video/v2/cdr/period/${d}/${d}`).reply(200, cdrBody([]));
    const now = new Date('2028-12-31T12:00:00Z');
    const r = await runCli(['cdr', '--from', from, '--to', to, '-o', 'csv'], { now });
    expect(r.code).toBe(0);
  });

  it.each([
    [[], /give a filter/],
    [['--conf', '7', '--room', 'r'], /--conf cannot be combined/],
    [['--conf', '7', '--from', 'today', '--to', 'today'], /--conf cannot be combined/],
    [['--from', 'today'], /--from needs --to/],
    [['--room', 'r', '--to', 'today'], /--to needs --from/],
    [['--from', '2026-11-02', '--to', '2026-11-01'], /after --to 2026-11-01/],
    [['--from', '2027-02-29', '--to', '2027-03-01'], /2027 is not a leap year/],
    [['--from', '2026-13-01', '--to', 'today'], /--from "2026-13-01" is not a real day/],
    [['--from', 'last week', '--to', 'today'], /--from "last week" is not a date/],
    [['--conf', '7', '--chunk-days', '2'], /--chunk-days needs --from and --to/],
    [['--room', 'r', '--concurrency', '2'], /--concurrency needs --from and --to/],
    [
      ['--from', '7d', '--to', 'today', '--chunk-days', '0'],
      /--chunk-days must be a whole number from 1 to 366/,
    ],
    [['--from', '7d', '--to', 'today', '--chunk-days', '1.5'], /--chunk-days must be a whole number/],
    [
      ['--from', '7d', '--to', 'today', '--concurrency', '11'],
      /--concurrency must be a whole number from 1 to 10/,
    ],
    [['--from', '7d', '--to', 'today', '--concurrency', ''], /--concurrency must be a whole number/],
    [
      ['--from', '2000-01-01', '--to', 'today'],
      /spans 9830 days: .* 9830 requests .*Raise --chunk-days to 10/s,
    ],
    [['--conf', '7', '--out', ''], /--out needs a file name/],
    [['--room', 'a\u0007b'], /--room "a\\x07b" is neither a room id nor a room name/],
    [['--conf', 'a b'], /--conf "a b" is not a conference number: they are digits only/],
    [['--conf', 'abc'], /--conf "abc" is not a conference number/],
    [['--conf', '1234-5678'], /--conf "1234-5678" is not a conference number/],
    [
      ['--from', '2026-11-30', '--to', '2026-12-31'],
      /--from 2026-11-30 is in the future \(today is 2026-11-29 UTC\)/,
    ],
    [['--from', '2027-01-01', '--to', '2027-01-01'], /--from 2027-01-01 is in the future/],
    [['--conf', '7', 'extra'], /too many arguments/],
  ])('%j exits 2 before any request', async (flags, message) => {
    const r = await runCli(['cdr', ...flags]);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
  });

  it('refuses an --out folder that does not exist, before any request', async () => {
    const r = await runCli(['cdr', '--conf', '7', '--out', join(dir, 'missing', 'cdr.csv')]);
    expect(r.stderr).toMatch(/--out .*cdr\.csv: cannot write there \(its folder does not exist\)/);
    expect(r.code).toBe(2);
  });

  it('refuses an --out that is a folder', async () => {
    const r = await runCli(['cdr', '--conf', '7', '--out', dir]);
    expect(r.stderr).toMatch(/is a folder: give a file name/);
    expect(r.code).toBe(2);
  });

  it('refuses to run without credentials (exit 3), leaving no file', async () => {
    const out = join(dir, 'cdr.csv');
    const r = await runCli(['cdr', '--conf', '7', '--out', out], {
      env: { ENABLEX_APP_ID: undefined, ENABLEX_APP_KEY: undefined, ENABLEX_CONFIG_DIR: dir },
    });
    expect(r.code).toBe(3);
    expect(readdirSync(dir).filter((f) => f.includes('cdr'))).toEqual([]);
  });
});

describe('cdr: API results', () => {
  it.each([['0'], [0]])('result %j is success', async (result) => {
    api()
      .get('/video/v2/cdr/conf/7')
      .reply(200, cdrBody([cdrRecord()], result));
    const r = await runCli(['cdr', '--conf', '7', '-o', 'ndjson']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(cdrRecord());
  });

  it.each([[{ result: '0', cdr: null }], [{ result: '0' }], [{ result: 0, cdr: [] }]])(
    '%j is an empty export: header only in CSV',
    async (body) => {
      api().get('/video/v2/cdr/conf/7').reply(200, body);
      const r = await runCli(['cdr', '--conf', '7', '-o', 'csv']);
      expect(r.stdout).toBe(HEADER);
      expect(r.stderr).toBe('0 records\n');
      expect(r.code).toBe(0);
    },
  );

  it.each([
    [
      200,
      { result: '10201', error: '[Reason] Missing conf_num', desc: '' },
      1,
      /Missing conf_num.*result 10201/,
    ],
    [200, { result: '10000', error: 'Application not found' }, 3, /authentication failed/],
    [404, { result: '40001', error: 'Room not found' }, 4, /not found/],
    [503, 'upstream down', 5, /server error/],
    [200, 'not json', 5, /not readable JSON/],
    [200, { result: '0', cdr: { a: 1 } }, 5, /"cdr" is not a list/],
  ])('HTTP %d %j exits %d', async (status, body, code, message) => {
    api().get('/video/v2/cdr/conf/7').reply(status, body);
    const r = await runCli(['cdr', '--conf', '7', '-o', 'csv']);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
  });

  it('writes number 0 and string "0" as 0, and null or missing as empty', async () => {
    const rec = cdrRecord({
      usage: {
        screen_minutes: 0,
        connect_minutes: '0',
        connect_minutes_cal: null,
        subscribed_minutes: undefined,
      },
    });
    api()
      .get('/video/v2/cdr/conf/7')
      .reply(200, cdrBody([rec]));
    const r = await runCli(['cdr', '--conf', '7', '-o', 'csv']);
    const rows = parseCsv(r.stdout);
    expect(cell(rows, 1, 'usage.screen_minutes')).toBe('0');
    expect(cell(rows, 1, 'usage.connect_minutes')).toBe('0');
    expect(cell(rows, 1, 'usage.connect_minutes_cal')).toBe('');
    expect(cell(rows, 1, 'usage.subscribed_minutes')).toBe('');
  });
});

describe('cdr: CSV', () => {
  it('escapes commas, quotes, newlines and keeps non-ASCII as UTF-8 (RFC 4180, CRLF)', async () => {
    const names = ['Doe, Jane', 'The "Boss"', 'two\nlines', 'cr\r\nlf', '山田太郎', 'Zoë 😀', ' padded '];
    api()
      .get('/video/v2/cdr/conf/7')
      .reply(200, cdrBody(names.map((name, i) => cdrRecord({ cdr_id: `id-${i}`, user: { name } }))));
    const r = await runCli(['cdr', '--conf', '7', '-o', 'csv', '--fields', 'cdr_id,user.name']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'cdr_id,user.name\r\n' +
        'id-0,"Doe, Jane"\r\n' +
        'id-1,"The ""Boss"""\r\n' +
        'id-2,"two\nlines"\r\n' +
        'id-3,"cr\r\nlf"\r\n' +
        'id-4,山田太郎\r\n' +
        'id-5,Zoë 😀\r\n' +
        'id-6," padded "\r\n',
    );
    expect(parseCsv(r.stdout).map((row) => row[1])).toEqual(['user.name', ...names]);
  });

  it('has the same columns whatever the records hold; unknown keys only in json', async () => {
    const sparse = { cdr_id: 'sparse', extra_key: 'x', user: { name: 'Solo', nickname: 'S' } };
    const reordered = Object.fromEntries(Object.entries(cdrRecord({ cdr_id: 'full' })).reverse());
    api()
      .get('/video/v2/cdr/conf/1')
      .reply(200, cdrBody([sparse]));
    api()
      .get('/video/v2/cdr/conf/2')
      .reply(200, cdrBody([reordered, sparse]));
    api()
      .get('/video/v2/cdr/conf/1')
      .reply(200, cdrBody([sparse]));
    const a = await runCli(['cdr', '--conf', '1', '-o', 'csv']);
    const b = await runCli(['cdr', '--conf', '2', '-o', 'csv']);
    expect(a.stdout.startsWith(HEADER)).toBe(true);
    expect(b.stdout.startsWith(HEADER)).toBe(true);
    const rows = parseCsv(b.stdout);
    expect(rows.every((row) => row.length === CDR_COLUMNS.length)).toBe(true);
    expect(rows[1]).toEqual(parseCsv(`${HEADER}${csvOfFull()}`)[1]);
    expect(cell(rows, 2, 'user.name')).toBe('Solo');
    expect(cell(rows, 2, 'room.room_id')).toBe('');
    expect(b.stdout).not.toContain('extra_key');
    expect(b.stdout).not.toContain('nickname');
    const json = await runCli(['cdr', '--conf', '1', '-o', 'json']);
    expect(JSON.parse(json.stdout)).toEqual([sparse]);
  });

  it('writes room.room_details and open quality blocks as one JSON-text column each', async () => {
    api()
      .get('/video/v2/cdr/conf/7')
      .reply(200, cdrBody([cdrRecord({ stats_quality: { receive: { rtt: { avg: 12 } } } })]));
    const r = await runCli(['cdr', '--conf', '7', '-o', 'csv']);
    const rows = parseCsv(r.stdout);
    expect(JSON.parse(cell(rows, 1, 'room.room_details')!)).toEqual({
      name: 'Standup',
      settings: { mode: 'group' },
    });
    expect(JSON.parse(cell(rows, 1, 'stats_quality.receive.rtt')!)).toEqual({ avg: 12 });
    expect(rows[0]!.some((c) => c.startsWith('room.room_details.'))).toBe(false);
  });

  it('normalises "true"/"false" strings of documented booleans, and keeps them as sent in json', async () => {
    const old = cdrRecord({
      cdr_id: 'old',
      sip: 'TRUE',
      lowcode: 'false',
      published_track: { audio: 'true', video: 'False' },
      user: { name: 'true' },
    });
    api()
      .get('/video/v2/cdr/conf/7')
      .reply(200, cdrBody([old, cdrRecord({ sip: true, lowcode: false })]));
    const r = await runCli(['cdr', '--conf', '7', '-o', 'csv']);
    const rows = parseCsv(r.stdout);
    for (const row of [1, 2]) {
      expect(cell(rows, row, 'sip')).toBe('true');
      expect(cell(rows, row, 'lowcode')).toBe('false');
    }
    expect(cell(rows, 1, 'published_track.audio')).toBe('true');
    expect(cell(rows, 1, 'published_track.video')).toBe('false');
    api()
      .get('/video/v2/cdr/conf/7')
      .reply(200, cdrBody([old]));
    const j = await runCli(['cdr', '--conf', '7', '-o', 'ndjson', '--fields', 'sip,published_track.video']);
    expect(j.stdout).toBe('{"sip":"TRUE","published_track":{"video":"False"}}\n');
  });
});

function csvOfFull(): string {
  // The full fixture in the fixed column order, built independently of the writer.
  const rec = cdrRecord({ cdr_id: 'full' });
  const at = (path: string): unknown =>
    path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], rec);
  return (
    CDR_COLUMNS.map((c) => {
      const v = at(c);
      const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    }).join(',') + '\r\n'
  );
}

describe('cdr: other formats', () => {
  const records = [cdrRecord({ cdr_id: 'a' }), cdrRecord({ cdr_id: 'b', extra: { x: [1, 2] } })];

  it('json is the list exactly as JSON.stringify(list, null, 2)', async () => {
    api().get('/video/v2/cdr/conf/7').reply(200, cdrBody(records));
    const r = await runCli(['cdr', '--conf', '7', '--json']);
    expect(r.stdout).toBe(JSON.stringify(records, null, 2) + '\n');
  });

  it('json of nothing is []', async () => {
    api().get('/video/v2/cdr/conf/7').reply(200, cdrBody([]));
    const r = await runCli(['cdr', '--conf', '7', '-o', 'json']);
    expect(r.stdout).toBe('[]\n');
  });

  it('yaml parses back to the records; --fields picks keys', async () => {
    api().get('/video/v2/cdr/conf/7').reply(200, cdrBody(records));
    const r = await runCli(['cdr', '--conf', '7', '-o', 'yaml']);
    expect(parseYaml(r.stdout)).toEqual(records);
    api().get('/video/v2/cdr/conf/7').reply(200, cdrBody(records));
    const f = await runCli(['cdr', '--conf', '7', '-o', 'yaml', '--fields', 'cdr_id,user.name']);
    expect(parseYaml(f.stdout)).toEqual([
      { cdr_id: 'a', user: { name: 'Ava' } },
      { cdr_id: 'b', user: { name: 'Ava' } },
    ]);
  });

  it('table shows the default columns under one header, however many rows', async () => {
    const many = Array.from({ length: 150 }, (_, i) =>
      cdrRecord({ cdr_id: `id-${i}`, conf_num: `conf-${i}` }),
    );
    api().get('/video/v2/cdr/conf/7').reply(200, cdrBody(many));
    const r = await runCli(['cdr', '--conf', '7']);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/trans_date/g)).toHaveLength(1);
    expect(r.stdout).toContain('conf-0 ');
    expect(r.stdout).toContain('conf-149 ');
    expect(r.stdout.split('\n')[0]).toMatch(/ call_quality$/);
    // Rows after the first hundred keep the first hundred's column widths.
    const lines = r.stdout.trimEnd().split('\n');
    const start = (line: string) => line.indexOf('conf-');
    expect(new Set(lines.slice(1).map(start)).size).toBe(1);
    expect(lines[1]!.indexOf(lines[1]!.split(/\s+/)[2]!)).toBe(
      lines[150]!.indexOf(lines[150]!.split(/\s+/)[2]!),
    );
    expect(r.stderr).toBe('150 records\n');
  });
});

describe('cdr --out', () => {
  it('writes the file atomically and says so on stderr; nothing on stdout', async () => {
    api()
      .get('/video/v2/cdr/conf/7')
      .reply(200, cdrBody([cdrRecord()]));
    const out = join(dir, 'cdr.csv');
    const r = await runCli(['cdr', '--conf', '7', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`Wrote 1 record to ${out}\n`);
    expect(readFileSync(out, 'utf8')).toBe(HEADER + csvOfFull().replace('full', 'cdr-1'));
    expect(readdirSync(dir)).toEqual(['cdr.csv']);
  });

  it.each([
    ['cdr.ndjson', [], (t: string) => JSON.parse(t.trim())],
    ['cdr.jsonl', [], (t: string) => JSON.parse(t.trim())],
    ['cdr.json', [], (t: string) => JSON.parse(t)[0]],
    ['cdr.yml', [], (t: string) => parseYaml(t)[0]],
    ['cdr.txt', [], (t: string) => (t.startsWith(HEADER) ? cdrRecord() : undefined)],
    ['cdr.csv', ['-o', 'ndjson'], (t: string) => JSON.parse(t.trim())],
  ])('%s %j picks the format', async (name, flags, read) => {
    api()
      .get('/video/v2/cdr/conf/7')
      .reply(200, cdrBody([cdrRecord()]));
    const out = join(dir, name);
    const r = await runCli(['cdr', '--conf', '7', '--out', out, ...flags]);
    expect(r.code).toBe(0);
    expect(read(readFileSync(out, 'utf8'))).toEqual(cdrRecord());
  });

  it('-q silences the count line', async () => {
    api()
      .get('/video/v2/cdr/conf/7')
      .reply(200, cdrBody([cdrRecord()]));
    const r = await runCli(['cdr', '--conf', '7', '--out', join(dir, 'q.csv'), '-q']);
    expect(r.stderr).toBe('');
    expect(existsSync(join(dir, 'q.csv'))).toBe(true);
  });

  it('resolves a relative --out against the working folder', async () => {
    api().get('/video/v2/cdr/conf/7').reply(200, cdrBody([]));
    const r = await runCli(['cdr', '--conf', '7', '--out', 'rel.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'rel.csv'), 'utf8')).toBe(HEADER);
  });
});

describe('cdr: --fields takes any dotted path', () => {
  it.each(['cdr_id,user..name', '.cdr_id', 'user.'])(
    '%s (an empty part): exit 2, nothing sent',
    async (fields) => {
      const r = await runCli(['cdr', '--conf', '7', '-o', 'csv', '--fields', fields]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/is not a dotted path/);
      expect(r.stdout).toBe('');
    },
  );

  it.each([
    ['cdr_id,bogus', /--fields: "bogus" is not a documented CDR field/],
    ['usr.name,cdr_idd', /--fields: "usr.name", "cdr_idd" are not documented CDR fields/],
  ])('%s: a note about the undocumented names, and the export runs', async (fields, message) => {
    api()
      .get('/video/v2/cdr/conf/7')
      .reply(200, cdrBody([cdrRecord()]));
    const r = await runCli(['cdr', '--conf', '7', '-o', 'csv', '--fields', fields]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(message);
    expect(r.stdout.split('\r\n')[0]).toBe(fields);
  });

  it('exports the fields of an older documented record (user.confName, user.token) without a note', async () => {
    const older = { ...cdrRecord(), user: { name: 'Ann', token: 'tkn-1', confName: 'Weekly' } };
    api()
      .get('/video/v2/cdr/conf/7')
      .reply(200, cdrBody([older]));
    const r = await runCli([
      'cdr',
      '--conf',
      '7',
      '-o',
      'csv',
      '--fields',
      'user.confName,user.token,user.name',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('user.confName,user.token,user.name\r\nWeekly,tkn-1,Ann\r\n');
    expect(r.stderr).not.toMatch(/documented/);
  });

  it.each(['usage', 'room.room_details.name', 'stats_quality.send.video.avg_bitrate'])(
    'accepts %s (a column, an object above columns, or a key inside an open object)',
    async (field) => {
      api()
        .get('/video/v2/cdr/conf/7')
        .reply(200, cdrBody([cdrRecord()]));
      const r = await runCli(['cdr', '--conf', '7', '-o', 'json', '--fields', field]);
      expect(r.code).toBe(0);
    },
  );
});
