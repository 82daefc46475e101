import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { open } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Spool } from '../../../src/commands/cdr/spool.js';
import { isDead, removeDeadRunFiles } from '../../../src/lib/fs/spool-files.js';
import { registeredTempFiles } from '../../../src/lib/fs/temp-registry.js';
import { API_ORIGIN, runCli, tempConfigDir } from '../../helpers/cli.js';
import { useNock } from '../../helpers/nock.js';
import { cdrRecord } from './fixtures.js';
import { tempDir, removeTempDir } from '../../helpers/temp.js';

useNock();

let dir: string;
let cleanupDir: () => void;
beforeEach(() => {
  ({ dir, cleanup: cleanupDir } = tempConfigDir());
});
afterEach(() => cleanupDir());

/** The id of a process that has ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(r.stdout);
}

describe('Spool', () => {
  it('keeps text in memory up to its limit, then in a temp file, and gives it back in order with ids', async () => {
    const spool = new Spool<string>(10);
    const values = ['aaaa', 'bbbb', 'cc€c', 'dddddd', '日本', 'e'.repeat(3000), 'é'.repeat(700_000), 'tail'];
    for (const [i, v] of values.entries()) await spool.push(i % 2 ? undefined : `id${i}`, v);
    const spilled = registeredTempFiles().filter((p) => p.includes('enablex-spool-'));
    expect(spilled).toHaveLength(1);
    const out: [string | undefined, string][] = [];
    await spool.drain((id, v) => {
      out.push([id, v]);
    });
    expect(out).toEqual(values.map((v, i) => [i % 2 ? undefined : `id${i}`, v]));
    expect(existsSync(spilled[0] as string)).toBe(false);
    await expect(spool.push('late', 'x')).rejects.toThrow(/stopped/);
  });

  it('starts over on discard (a retried answer), removing its file', async () => {
    const spool = new Spool<string>(1);
    await spool.push('a', 'first attempt');
    await spool.discard();
    await spool.push('a', 'second');
    const out: string[] = [];
    await spool.drain((_id, v) => {
      out.push(v);
    });
    expect(out).toEqual(['second']);
  });

  it('a failed write to its temp file names the file', async () => {
    const probe = await open(join(dir, 'probe'), 'w');
    const fileHandle = Object.getPrototypeOf(probe) as { write: (...args: unknown[]) => unknown };
    await probe.close();
    const spy = vi
      .spyOn(fileHandle, 'write')
      .mockRejectedValue(
        Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }),
      );
    const spool = new Spool<string>(1);
    try {
      const failure = (await spool.push('a', 'x'.repeat(300_000))?.catch((e: unknown) => e)) as
        NodeJS.ErrnoException | undefined;
      expect(failure).toMatchObject({ code: 'ENOSPC', path: expect.stringContaining('enablex-spool-') });
    } finally {
      spy.mockRestore();
      await spool.close();
    }
  });
});

describe('files of dead runs', () => {
  it('tells a dead process from a live one', () => {
    expect(isDead(process.pid)).toBe(false);
    expect(isDead(deadPid())).toBe(true);
  });

  it("removes a dead run's hidden --out temp file and spool folder, never a live run's", () => {
    const folder = tempDir('stale');
    try {
      const dead = deadPid();
      const stale = join(folder, `.cdr.csv.${dead}.0a1b2c3d.partial`);
      const live = join(folder, `.cdr.csv.${process.pid}.0a1b2c3d.partial`);
      const other = join(folder, `.other.csv.${dead}.0a1b2c3d.partial`);
      for (const f of [stale, live, other]) writeFileSync(f, 'partial');
      const spool = tempDir(`spool-${dead}`);
      removeDeadRunFiles(folder, 'cdr.csv');
      expect(readdirSync(folder).sort()).toEqual([
        `.cdr.csv.${process.pid}.0a1b2c3d.partial`,
        `.other.csv.${dead}.0a1b2c3d.partial`,
      ]);
      expect(existsSync(spool)).toBe(false);
    } finally {
      removeTempDir(folder);
    }
  });

  it('an export to --out removes what a killed export to the same file left', async () => {
    const stale = join(dir, `.cdr.csv.${deadPid()}.0a1b2c3d.partial`);
    writeFileSync(stale, 'half an export');
    nock(API_ORIGIN)
      .get('/video/v2/cdr/conf/100200300')
      .reply(200, { result: '0', cdr: [cdrRecord({ cdr_id: 'x' })] });
    const r = await runCli(['cdr', '--conf', '100200300', '--out', join(dir, 'cdr.csv')]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).not.toContain(`.cdr.csv.${stale.split('.').at(-3)}.0a1b2c3d.partial`);
    expect(existsSync(stale)).toBe(false);
  });
});

describe('cdr answers read as a stream', () => {
  it('retries an answer cut short, and writes each record once', async () => {
    const records = ['r1', 'r2', 'r3'].map((id) => cdrRecord({ cdr_id: id }));
    const full = JSON.stringify({ result: '0', cdr: records });
    nock(API_ORIGIN)
      .get('/video/v2/cdr/conf/100200300')
      .reply(200, full.slice(0, full.indexOf('"r3"')), { 'content-type': 'application/json' })
      .get('/video/v2/cdr/conf/100200300')
      .reply(200, full, { 'content-type': 'application/json' });
    const r = await runCli(['cdr', '--conf', '100200300', '-o', 'ndjson', '--retries', '1']);
    expect(r.code).toBe(0);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { cdr_id: string }).cdr_id),
    ).toEqual(['r1', 'r2', 'r3']);
  });

  it('fails with the API error when a 200 answer carries a failing result', async () => {
    nock(API_ORIGIN).get('/video/v2/cdr/conf/100200300').reply(200, { result: 10000, error: 'bad app key' });
    const r = await runCli(['cdr', '--conf', '100200300', '-o', 'ndjson']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/bad app key/);
  });

  it('refuses an answer whose "cdr" is not a list', async () => {
    nock(API_ORIGIN)
      .get('/video/v2/cdr/conf/100200300')
      .reply(200, { result: '0', cdr: { a: 1 } });
    const r = await runCli(['cdr', '--conf', '100200300', '-o', 'ndjson']);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/"cdr" is not a list/);
  });
});
