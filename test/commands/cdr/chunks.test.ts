import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli.js';
import { API_ORIGIN, TEST_ENV, makeContext, runCli, tempConfigDir } from '../../helpers/cli.js';
import { useNock } from '../../helpers/nock.js';
import { cdrBody, cdrRecord } from './fixtures.js';

useNock();

const period = (from: string, to: string) => `/video/v2/cdr/period/${from}/${to}`;
const rec = (id: string | undefined, day = '2026-11-01') =>
  cdrRecord({ cdr_id: id, trans_date: `${day}T12:00:00.000Z`, user: { name: `user ${id}` } });
const ids = (ndjson: string) =>
  ndjson
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { cdr_id?: string }).cdr_id ?? '-');

let dir: string;
let cleanupDir: () => void;
beforeEach(() => {
  ({ dir, cleanup: cleanupDir } = tempConfigDir());
});
afterEach(() => cleanupDir());

describe('cdr: chunked periods', () => {
  it('splits the period, and merges answers that arrive out of order back into order', async () => {
    // The first chunk answers last, the last chunk first.
    const chunks: [string, string, number, string[]][] = [
      ['2026-11-01', '2026-11-03', 80, ['a1', 'a2']],
      ['2026-11-04', '2026-11-06', 50, ['b1']],
      ['2026-11-07', '2026-11-09', 20, []],
      ['2026-11-10', '2026-11-10', 0, ['d1', 'd2', 'd3']],
    ];
    for (const [from, to, delay, list] of chunks) {
      nock(API_ORIGIN)
        .get(period(from, to))
        .delay(delay)
        .reply(200, cdrBody(list.map((id) => rec(id, from))));
    }
    const r = await runCli([
      'cdr',
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-10',
      '--chunk-days',
      '3',
      '--concurrency',
      '4',
      '-o',
      'ndjson',
    ]);
    expect(r.code).toBe(0);
    expect(ids(r.stdout)).toEqual(['a1', 'a2', 'b1', 'd1', 'd2', 'd3']);
    expect(r.stderr).toBe('6 records\n');
  });

  it('defaults to one-day chunks, three at a time, and keeps CSV to one header', async () => {
    for (const day of ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04']) {
      nock(API_ORIGIN)
        .get(period(day, day))
        .delay(day === '2026-11-01' ? 40 : 0)
        .reply(200, cdrBody([rec(`id-${day}`, day)]));
    }
    const r = await runCli([
      'cdr',
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-04',
      '-o',
      'csv',
      '--fields',
      'cdr_id',
    ]);
    expect(r.stdout).toBe('cdr_id\r\nid-2026-11-01\r\nid-2026-11-02\r\nid-2026-11-03\r\nid-2026-11-04\r\n');
  });

  it('chunks a room period on the room-period route', async () => {
    nock(API_ORIGIN)
      .get('/video/v2/cdr/room-period/5f3b2c1a9d8e7f6a5b4c3d2f/2026-11-01/2026-11-02')
      .reply(200, cdrBody([rec('x')]));
    nock(API_ORIGIN)
      .get('/video/v2/cdr/room-period/5f3b2c1a9d8e7f6a5b4c3d2f/2026-11-03/2026-11-03')
      .reply(200, cdrBody([rec('y')]));
    const r = await runCli([
      'cdr',
      '--room',
      '5f3b2c1a9d8e7f6a5b4c3d2f',
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-03',
      '--chunk-days',
      '2',
      '-o',
      'ndjson',
    ]);
    expect(ids(r.stdout)).toEqual(['x', 'y']);
  });

  it('drops duplicates by cdr_id inside an answer and across neighbouring chunks, never records without an id', async () => {
    nock(API_ORIGIN)
      .get(period('2026-11-01', '2026-11-01'))
      .reply(200, cdrBody([rec('a'), rec('b'), rec('a')]));
    nock(API_ORIGIN)
      .get(period('2026-11-02', '2026-11-02'))
      .reply(200, cdrBody([rec('b'), rec('c'), rec(undefined), rec(undefined), rec('c')]));
    const r = await runCli(['cdr', '--from', '2026-11-01', '--to', '2026-11-02', '-o', 'ndjson']);
    expect(ids(r.stdout)).toEqual(['a', 'b', 'c', '-', '-']);
    expect(r.stderr).toBe('5 records (3 duplicates dropped)\n');
  });

  it('remembers only the previous chunk: chunks are disjoint by date, so only neighbours can overlap', async () => {
    nock(API_ORIGIN)
      .get(period('2026-11-01', '2026-11-01'))
      .reply(200, cdrBody([rec('x')]));
    nock(API_ORIGIN)
      .get(period('2026-11-02', '2026-11-02'))
      .reply(200, cdrBody([rec('y')]));
    nock(API_ORIGIN)
      .get(period('2026-11-03', '2026-11-03'))
      .reply(200, cdrBody([rec('x')]));
    const r = await runCli([
      'cdr',
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-03',
      '-o',
      'ndjson',
      '--concurrency',
      '1',
    ]);
    expect(ids(r.stdout)).toEqual(['x', 'y', 'x']);
  });

  it('retries a failing chunk (HTTP layer) and then succeeds with every record', async () => {
    nock(API_ORIGIN)
      .get(period('2026-11-01', '2026-11-01'))
      .reply(200, cdrBody([rec('a')]));
    nock(API_ORIGIN).get(period('2026-11-02', '2026-11-02')).reply(503, 'busy');
    nock(API_ORIGIN)
      .get(period('2026-11-02', '2026-11-02'))
      .reply(200, cdrBody([rec('b')]));
    const out = join(dir, 'ok.csv');
    const r = await runCli([
      'cdr',
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-02',
      '--out',
      out,
      '--retries',
      '2',
      '--fields',
      'cdr_id',
    ]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('cdr_id\r\na\r\nb\r\n');
  });
});

describe('cdr: a failed or interrupted export leaves nothing', () => {
  it.each([
    ['a server error after retries', 503, 'down', ['--retries', '1'], 5, /server error/],
    [
      'an API refusal',
      200,
      { result: '50002', error: 'Failed to list' },
      [],
      1,
      /Failed to list.*result 50002/,
    ],
    ['bad credentials', 401, { result: '10000', error: 'App not found' }, [], 3, /authentication failed/],
  ])(
    'a chunk failing with %s: exit with its code, no file, no temp file',
    async (_what, status, body, flags, code, message) => {
      nock(API_ORIGIN)
        .get(period('2026-11-01', '2026-11-01'))
        .reply(200, cdrBody([rec('a')]));
      const failing = nock(API_ORIGIN).get(period('2026-11-02', '2026-11-02'));
      (flags.length ? failing.times(2) : failing).reply(status, body);
      nock(API_ORIGIN)
        .get(period('2026-11-03', '2026-11-03'))
        .reply(200, cdrBody([rec('c')]));
      const out = join(dir, 'cdr.csv');
      const r = await runCli(['cdr', '--from', '2026-11-01', '--to', '2026-11-03', '--out', out, ...flags]);
      expect(r.code).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain(`Nothing was written to ${out}.`);
      expect(r.stdout).toBe('');
      expect(readdirSync(dir)).toEqual([]);
    },
  );

  it('a failed chunk cancels its slow siblings: exit 1 with the first failure at once, no file', async () => {
    // The siblings never answer within the test: only cancelling them lets the command end.
    nock(API_ORIGIN)
      .get(period('2026-11-01', '2026-11-01'))
      .delay(60_000)
      .reply(200, cdrBody([rec('a')]));
    nock(API_ORIGIN)
      .get(period('2026-11-02', '2026-11-02'))
      .reply(200, { result: '10201', error: '[Reason] Missing conf_num', desc: '' });
    nock(API_ORIGIN).get(period('2026-11-03', '2026-11-03')).delay(60_000).reply(503, 'busy');
    const out = join(dir, 'cdr.csv');
    const r = await runCli([
      'cdr',
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-03',
      '--out',
      out,
      '--retries',
      '3',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Missing conf_num.*result 10201/);
    expect(r.stderr).not.toMatch(/Interrupted|cancelled/);
    expect(r.stderr).toContain(`Nothing was written to ${out}.`);
    expect(r.ctx.sleeps).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps an existing file untouched when the export fails', async () => {
    const out = join(dir, 'cdr.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(out, 'previous export\n');
    nock(API_ORIGIN).get('/video/v2/cdr/conf/7').reply(500, 'boom');
    const r = await runCli(['cdr', '--conf', '7', '--out', out]);
    expect(r.code).toBe(5);
    expect(readFileSync(out, 'utf8')).toBe('previous export\n');
    expect(readdirSync(dir)).toEqual(['cdr.csv']);
  });

  it('Ctrl-C while a chunk is in flight: exit 130, no file, no temp file', async () => {
    const controller = new AbortController();
    nock(API_ORIGIN)
      .get(period('2026-11-01', '2026-11-01'))
      .reply(200, cdrBody([rec('a')]));
    nock(API_ORIGIN)
      .get(period('2026-11-02', '2026-11-02'))
      .delay(200)
      .reply(() => {
        controller.abort(new Error('received SIGINT'));
        return [200, cdrBody([rec('b')])];
      });
    const out = join(dir, 'cdr.csv');
    const r = await runCli(['cdr', '--from', '2026-11-01', '--to', '2026-11-02', '--out', out], {
      signal: controller.signal,
    });
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/Interrupted/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('Ctrl-C between chunks (after an answer arrived): exit 130, nothing left', async () => {
    const controller = new AbortController();
    nock(API_ORIGIN)
      .get(period('2026-11-01', '2026-11-01'))
      .reply(() => {
        controller.abort(new Error('received SIGTERM'));
        return [200, cdrBody([rec('a')])];
      });
    const out = join(dir, 'cdr.ndjson');
    const r = await runCli(['cdr', '--from', '2026-11-01', '--to', '2026-11-01', '--out', out], {
      signal: controller.signal,
    });
    expect(r.code).toBe(130);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('shows progress on a terminal and still ends with the count line', async () => {
    nock(API_ORIGIN)
      .get(period('2026-11-01', '2026-11-01'))
      .reply(200, cdrBody([rec('a')]));
    nock(API_ORIGIN)
      .get(period('2026-11-02', '2026-11-02'))
      .reply(200, cdrBody([rec('b')]));
    const out = join(dir, 'tty.csv');
    const ctx = makeContext({ env: TEST_ENV, stderrTTY: true });
    // The spinner moves the cursor, which only a terminal stream can do.
    Object.assign(ctx.err, { cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
    const code = await run(
      ['cdr', '--from', '2026-11-01', '--to', '2026-11-02', '--out', out, '--retries', '0'],
      ctx,
    );
    expect(code).toBe(0);
    expect(ctx.err.text).toContain('Fetching CDR');
    expect(ctx.err.text.endsWith(`Wrote 2 records to ${out}\n`)).toBe(true);
  });
});
