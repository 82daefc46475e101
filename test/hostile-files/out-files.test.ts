import { spawn } from 'node:child_process';
import { lstatSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startCli } from '../e2e/helpers/child.js';
import { startTestEmulator, type TestEmulator } from '../e2e/helpers/emulator.js';
import { Outputs, tempDir, until } from '../e2e/helpers/run.js';
import { blockDevice, charDevice, fifo } from '../helpers/special-files.js';

/**
 * `cdr --out` and `archive --out` against files that do not behave: a file-size limit, a full
 * device, a FIFO, a block device, a folder that cannot be written, and signals mid-export. The
 * built binary runs against the emulator; an existing good file must never be replaced by less.
 */
const out = new Outputs();
out.scan();
let t: TestEmulator;
const NOW = new Date('2026-11-29T12:00:00Z');
const NOVEMBER = ['--from', '2026-11-01', '--to', '2026-11-30'];
const GOOD = 'the good export of last month\r\n';

beforeAll(async () => {
  t = await startTestEmulator({
    outputs: out,
    seed: 'demo',
    statePath: join(tempDir('state'), 'state.json'),
    now: () => NOW,
  });
});

/** Requests for CDR or archive listings since `mark`. */
function reportRequests(mark: number): string[] {
  return t.since(mark).filter((l) => /\/video\/v2\/(cdr|archive)\//.test(l));
}

describe('a file-size limit (ulimit -f) mid-export', () => {
  it('cdr --out: exit 2 naming the limit, the old file untouched, no temp file', async () => {
    const dir = tempDir('ulimit-cdr');
    const whole = await out.run(['cdr', ...NOVEMBER, '--out', 'whole.csv'], { env: t.env(), cwd: dir });
    expect(whole.code, whole.stderr).toBe(0);
    expect(statSync(join(dir, 'whole.csv')).size).toBeGreaterThan(8 * 1024);

    writeFileSync(join(dir, 'cdr.csv'), GOOD);
    // bash counts ulimit -f in KiB; Node ignores SIGXFSZ, so the kernel's short write and then
    // EFBIG reach the CLI instead of killing it.
    const r = await out.bash(`ulimit -f 4; enablex cdr ${NOVEMBER.join(' ')} --out cdr.csv`, {
      env: t.env(),
      cwd: dir,
    });
    expect(r.signal).toBeNull();
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(
      /--out .*cdr\.csv: writing failed \(the file would pass the file-size limit, see `ulimit -f`\)/,
    );
    expect(r.stderr).toContain('Nothing was written to cdr.csv');
    expect(r.stderr).not.toMatch(/bug/);
    expect(readFileSync(join(dir, 'cdr.csv'), 'utf8')).toBe(GOOD);
    expect(readdirSync(dir).sort()).toEqual(['cdr.csv', 'whole.csv']);
  });

  it('archive --out: exit 2, the old file untouched, no temp file', async () => {
    const dir = tempDir('ulimit-archive');
    const whole = await out.run(['archive', ...NOVEMBER, '-o', 'json', '--out', 'whole.json'], {
      env: t.env(),
      cwd: dir,
    });
    expect(whole.code, whole.stderr).toBe(0);
    expect(statSync(join(dir, 'whole.json')).size).toBeGreaterThan(2 * 1024);
    writeFileSync(join(dir, 'list.json'), GOOD);
    const r = await out.bash(`ulimit -f 1; enablex archive ${NOVEMBER.join(' ')} -o json --out list.json`, {
      env: t.env(),
      cwd: dir,
    });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/--out .*list\.json: writing failed \(the file would pass the file-size limit/);
    expect(readFileSync(join(dir, 'list.json'), 'utf8')).toBe(GOOD);
    expect(readdirSync(dir).sort()).toEqual(['list.json', 'whole.json']);
  });
});

describe('--out on a device or a pipe is written to, never replaced', () => {
  it('a full device: exit 2 with a clear error, and it stays a character device', async () => {
    const dir = tempDir('dev-full');
    const dev = charDevice(dir, 'full');
    const r = await out.run(['cdr', ...NOVEMBER, '--out', dev], { env: t.env() });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`--out ${dev}: writing failed (no space left on the device).`);
    expect(statSync(dev).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).filter((n) => n.includes('.partial'))).toEqual([]);
  });

  it('a null device: exit 0, and it stays a character device', async () => {
    const dir = tempDir('dev-null');
    const dev = charDevice(dir, 'null');
    const [cdr, archive] = [
      await out.run(['cdr', ...NOVEMBER, '-o', 'csv', '--out', dev], { env: t.env() }),
      await out.run(['archive', ...NOVEMBER, '--out', dev], { env: t.env() }),
    ];
    expect(cdr.code, cdr.stderr).toBe(0);
    expect(archive.code, archive.stderr).toBe(0);
    expect(statSync(dev).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).filter((n) => n.includes('.partial'))).toEqual([]);
  });

  it('a FIFO: its reader gets the whole export, and it stays a FIFO', async () => {
    const dir = tempDir('fifo');
    const pipe = fifo(dir);
    const reader = spawn('cat', [pipe], { stdio: ['ignore', 'pipe', 'inherit'] });
    let read = '';
    reader.stdout.on('data', (d: Buffer) => (read += d.toString()));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    try {
      const r = await out.run(['cdr', ...NOVEMBER, '-o', 'csv', '--out', pipe], { env: t.env() });
      await closed;
      expect(r.code, r.stderr).toBe(0);
    } finally {
      reader.kill();
    }
    expect(read.split('\r\n')[0]).toMatch(/^trans_date,conf_num,/);
    expect(read.endsWith('\r\n')).toBe(true);
    expect(lstatSync(pipe).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['pipe']);
  });

  it('a block device is refused with exit 2 before any request', async () => {
    const dir = tempDir('blockdev');
    const disk = blockDevice(dir);
    const mark = t.requests.length;
    const r = await out.run(['cdr', ...NOVEMBER, '--out', disk], { env: t.env() });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/is a block device or a socket, which is never written/);
    expect(statSync(disk).isBlockDevice()).toBe(true);
    expect(reportRequests(mark)).toEqual([]);
  });
});

describe('an --out or --dir that cannot be written: exit 2 before any request', () => {
  it.each([
    [
      ['archive', ...NOVEMBER, '--out', '/sys/enablex-archive.json'],
      /--out \/sys\/enablex-archive\.json: cannot write there \(no permission to write there\)/,
    ],
    [
      ['cdr', ...NOVEMBER, '--out', '/sys/enablex-cdr.csv'],
      /--out \/sys\/enablex-cdr\.csv: cannot write there \(no permission to write there\)/,
    ],
    [
      ['archive', 'download', ...NOVEMBER, '--dir', '/proc/nope/x'],
      /--dir \/proc\/nope\/x: cannot create that folder \(its folder does not exist\)/,
    ],
  ])('%j', async (args, message) => {
    const mark = t.requests.length;
    const r = await out.run(args, { env: t.envWithRecording(), timeoutMs: 10_000 });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/bug/);
    expect(reportRequests(mark)).toEqual([]);
  });
});

describe('signals mid-export', () => {
  it('SIGHUP (a closed terminal) exits 130 and leaves nothing behind, like Ctrl-C', async () => {
    const dir = tempDir('sighup');
    writeFileSync(join(dir, 'cdr.csv'), GOOD);
    await t.faults({ hangRate: 1, match: 'GET /video/v2/cdr/' });
    try {
      const run = startCli(['cdr', ...NOVEMBER, '--out', join(dir, 'cdr.csv')], {
        env: t.env(),
        outputs: out,
      });
      await until('the temp file', () => (readdirSync(dir).length > 1 ? true : undefined), 15_000);
      run.kill('SIGHUP');
      const r = await run.done;
      expect(r.signal).toBeNull();
      expect(r.code, r.stderr).toBe(130);
      expect(readdirSync(dir)).toEqual(['cdr.csv']);
      expect(readFileSync(join(dir, 'cdr.csv'), 'utf8')).toBe(GOOD);
    } finally {
      await t.faults({});
    }
  });

  it("a killed run's temp file (it names the dead pid) is removed by the next run", async () => {
    const dir = tempDir('sigkill');
    await t.faults({ hangRate: 1, match: 'GET /video/v2/cdr/' });
    let left: string[];
    try {
      const run = startCli(['cdr', ...NOVEMBER, '--out', join(dir, 'cdr.csv')], {
        env: t.env(),
        outputs: out,
      });
      left = await until(
        'the temp file',
        () => {
          const names = readdirSync(dir);
          return names.length > 0 ? names : undefined;
        },
        15_000,
      );
      run.kill('SIGKILL');
      expect((await run.done).signal).toBe('SIGKILL');
    } finally {
      await t.faults({});
    }
    expect(left).toEqual([expect.stringMatching(/^\.cdr\.csv\.\d+\.[0-9a-f]{8}\.partial$/)]);
    expect(readdirSync(dir)).toEqual(left);
    const next = await out.run(['cdr', ...NOVEMBER, '--out', join(dir, 'cdr.csv')], { env: t.env() });
    expect(next.code, next.stderr).toBe(0);
    expect(readdirSync(dir)).toEqual(['cdr.csv']);
  });
});
