import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { API_ORIGIN, runCli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/temp.js';
import { useNock } from '../../helpers/nock.js';

useNock();

const ROOM = '5f3b2c1a9d8e7f6a5b4c3d2e';
const ENTRY = {
  _id: 'a1',
  trans_date: '2026-11-20T10:00:00.000Z',
  conf_num: '1234567',
  app_id: 'app',
  room_id: ROOM,
  recording: [{ url: 'https://files.enablex.test/r/a.mkv' }, { url: 'https://files.enablex.test/r/b.mkv' }],
  transcoded: [{ url: 'https://files.enablex.test/t/out.mov' }],
  chatdata: 'https://files.enablex.test/c/chatdata.json',
  metadata: 'https://files.enablex.test/m/metadata.json',
};

describe('archive: each filter picks its route', () => {
  // TEST_NOW is 2026-11-29.
  const cases: [string[], string][] = [
    [['--conf', '1234567'], '/archive/conf/1234567'],
    [['--room', ROOM], `/archive/room/${ROOM}`],
    [['--from', '2026-11-01', '--to', '2026-11-28'], '/archive/period/2026-11-01/2026-11-28'],
    [['--from', '7d', '--to', 'today'], '/archive/period/2026-11-22/2026-11-29'],
    [
      ['--room', ROOM, '--from', 'yesterday', '--to', 'today'],
      `/archive/room-period/${ROOM}/2026-11-28/2026-11-29`,
    ],
  ];
  it.each(cases)('%j → %s', async (flags, route) => {
    nock(API_ORIGIN)
      .get(`/video/v2${route}`)
      .reply(200, { result: '0', archive: [ENTRY] });
    const r = await runCli(['archive', ...flags, '-o', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([ENTRY]);
  });
});

describe('archive: output', () => {
  it('accepts a numeric result and prints a summary table', async () => {
    nock(API_ORIGIN)
      .get('/video/v2/archive/conf/1234567')
      .reply(200, { result: 0, archive: [ENTRY] });
    const r = await runCli(['archive', '--conf', '1234567']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const header = lines.find((l) => l.includes('conf_num'))!;
    expect(header).toMatch(
      /conf_num[\s│]+room_id[\s│]+trans_date[\s│]+recording[\s│]+transcoded[\s│]+chatdata[\s│]+metadata/,
    );
    const row = lines.find((l) => l.includes('1234567'))!;
    expect(row).toMatch(
      /1234567[\s│]+5f3b2c1a9d8e7f6a5b4c3d2e[\s│]+2026-11-20T10:00:00.000Z[\s│]+2[\s│]+1[\s│]+yes[\s│]+yes/,
    );
  });

  it('-q prints the conference numbers', async () => {
    nock(API_ORIGIN)
      .get(`/video/v2/archive/room/${ROOM}`)
      .reply(200, { result: '0', archive: [ENTRY] });
    const r = await runCli(['archive', '--room', ROOM, '-q']);
    expect(r.stdout).toBe('1234567\n');
  });

  it.each([[{ result: '0', archive: [] }], [{ result: '0', archive: null }], [{ result: '0' }]])(
    'says so when there is nothing (%j)',
    async (body) => {
      nock(API_ORIGIN).get('/video/v2/archive/conf/1').reply(200, body);
      const r = await runCli(['archive', '--conf', '1']);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('No archives for this filter.');
    },
  );

  it('an answer whose archive is not a list is exit 5', async () => {
    nock(API_ORIGIN).get('/video/v2/archive/conf/1').reply(200, { result: '0', archive: 'x' });
    const r = await runCli(['archive', '--conf', '1']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('"archive" is not a list');
  });

  it('an API refusal keeps its exit code', async () => {
    nock(API_ORIGIN)
      .get('/video/v2/archive/conf/1')
      .reply(200, { result: '10201', error: 'Missing parameter' });
    const r = await runCli(['archive', '--conf', '1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Missing parameter');
  });
});

describe('archive --out', () => {
  const cases: [string, string[], (text: string) => void][] = [
    ['list.json', [], (t) => expect(JSON.parse(t)).toEqual([ENTRY])],
    ['list.csv', [], (t) => expect(t.split('\r\n')[0]).toContain('conf_num')],
    ['list.yaml', [], (t) => expect(t).toContain('conf_num: "1234567"')],
    ['list.jsonl', [], (t) => expect(JSON.parse(t.trim())).toEqual(ENTRY)],
    ['list.txt', [], (t) => expect(JSON.parse(t)).toEqual([ENTRY])],
    ['list.json', ['-o', 'ndjson'], (t) => expect(JSON.parse(t.trim())).toEqual(ENTRY)],
  ];
  it.each(cases)('%s %j', async (name, extra, check) => {
    const dir = tempDir();
    nock(API_ORIGIN)
      .get('/video/v2/archive/conf/1234567')
      .reply(200, { result: '0', archive: [ENTRY] });
    const r = await runCli(['archive', '--conf', '1234567', '--out', name, ...extra], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`Wrote 1 archive entry to ${join(dir, name)}`);
    check(readFileSync(join(dir, name), 'utf8'));
    expect(readdirSync(dir)).toEqual([name]);
  });

  it('leaves the old file untouched when the request fails', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'list.json'), 'old');
    nock(API_ORIGIN).get('/video/v2/archive/conf/1').reply(500, { result: '50000', error: 'boom' });
    const r = await runCli(['archive', '--conf', '1', '--out', 'list.json'], { cwd: dir });
    expect(r.code).toBe(5);
    expect(readFileSync(join(dir, 'list.json'), 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['list.json']);
  });
});

describe('archive: bad input is exit 2 before any request', () => {
  const cases: [string[], RegExp][] = [
    [[], /give a filter/],
    [['--conf', '1', '--room', ROOM], /--conf cannot be combined/],
    [['--from', '2026-11-01'], /--from needs --to/],
    [['--from', '2026-02-30', '--to', 'today'], /not a real day/],
    [['--from', 'today', '--to', 'yesterday'], /must run forwards/],
    [['--room', ''], /--room is empty: give a room id or a room name/],
    [['--conf', 'abc'], /--conf "abc" is not a conference number/],
    [['--from', '2027-01-01', '--to', '2027-01-02'], /--from 2027-01-01 is in the future/],
    [
      ['--conf', '1', '--out', '/no/such/folder/x.json'],
      /--out \/no\/such\/folder\/x\.json: cannot write there \(its folder does not exist\)/,
    ],
  ];
  it.each(cases)('%j', async (flags, message) => {
    const r = await runCli(['archive', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
