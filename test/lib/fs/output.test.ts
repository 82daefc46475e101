import {
  createReadStream,
  lstatSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openOutput, writeOutput } from '../../../src/lib/fs/output.js';
import { outputError } from '../../../src/lib/fs/output-error.js';
import { tempConfigDir } from '../../helpers/cli.js';
import { blockDevice, charDevice, fifo } from '../../helpers/special-files.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempConfigDir());
});
afterEach(() => cleanup());

/** Everything a reader of the FIFO gets, until the writer closes it. */
function drain(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    createReadStream(path, 'utf8')
      .on('data', (d) => (text += String(d)))
      .on('end', () => resolve(text))
      .on('error', reject);
  });
}

describe('openOutput: special files are written to, never replaced', () => {
  it('a regular file (or none) is written atomically: a temp file until commit', async () => {
    const path = join(dir, 'cdr.csv');
    writeFileSync(path, 'old');
    const out = await openOutput(path);
    await out.write('new');
    expect(readdirSync(dir).sort()).toEqual([
      expect.stringMatching(new RegExp(`^\\.cdr\\.csv\\.${process.pid}\\.[0-9a-f]{8}\\.partial$`)),
      'cdr.csv',
    ]);
    expect(readFileSync(path, 'utf8')).toBe('old');
    await out.commit();
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['cdr.csv']);
  });

  it('a null device takes the text and stays a character device; no temp file beside it', async () => {
    const dev = charDevice(dir, 'null');
    await writeOutput(dev, 'a,b\r\n'.repeat(10_000));
    expect(statSync(dev).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).filter((n) => n.includes('.partial'))).toEqual([]);
  });

  it('a full device fails with ENOSPC, stays a device, and the message says so', async () => {
    const dev = charDevice(dir, 'full');
    const err = await writeOutput(dev, 'x'.repeat(100)).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ENOSPC' });
    expect(outputError(err, '--out', dev, 'writing failed').message).toBe(
      `--out ${dev}: writing failed (no space left on the device).`,
    );
    expect(statSync(dev).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).filter((n) => n.includes('.partial'))).toEqual([]);
  });

  it('a FIFO feeds its reader and stays a FIFO', async () => {
    const pipe = fifo(dir);
    const read = drain(pipe);
    await writeOutput(pipe, 'line 1\nline 2\n');
    expect(await read).toBe('line 1\nline 2\n');
    expect(lstatSync(pipe).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['pipe']);
  });

  it('a block device is refused (exit 2 wording), never opened or replaced', async () => {
    const disk = blockDevice(dir);
    const err = await openOutput(disk).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ESPECIAL' });
    const usage = outputError(err, '--out', disk, 'cannot write there');
    expect(usage.exitCode).toBe(2);
    expect(usage.message).toMatch(/is a block device or a socket, which is never written/);
    expect(statSync(disk).isBlockDevice()).toBe(true);
  });

  it('a folder is refused', async () => {
    await expect(openOutput(dir)).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('a symbolic link is followed: its target is replaced, the link stays a link', async () => {
    const target = join(dir, 'real.csv');
    const link = join(dir, 'link.csv');
    writeFileSync(target, 'old');
    symlinkSync(target, link);
    await writeOutput(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('new');
  });
});

describe('outputError', () => {
  it.each([
    ['EFBIG', /writing failed \(the file would pass the file-size limit, see `ulimit -f`\)\.$/],
    ['EACCES', /writing failed \(no permission to write there\)\.$/],
    ['EDQUOT', /writing failed \(the disk quota is used up\)\.$/],
    ['EWHATEVER', /writing failed \(EWHATEVER\)\.$/],
  ])('%s is said in words, as a usage error naming the flag', (code, message) => {
    const err = outputError(Object.assign(new Error('x'), { code }), '--out', '/tmp/a.csv', 'writing failed');
    expect(err.exitCode).toBe(2);
    expect(err.message).toMatch(/^--out \/tmp\/a\.csv: /);
    expect(err.message).toMatch(message);
  });
});
