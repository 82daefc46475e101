import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AtomicFile } from '../../../src/lib/fs/atomic.js';
import { registeredTempFiles } from '../../../src/lib/fs/temp-registry.js';
import { tempConfigDir } from '../../helpers/cli.js';

/**
 * How the fake file system misbehaves: `cap` bytes at most per write (a file-size limit, a nearly
 * full disk: the kernel takes part of the buffer and says so), or `lie` (a write that reports
 * every byte taken but stores only half, to prove the size check before the rename).
 */
const fault = vi.hoisted(() => ({ cap: Infinity, lie: false, zero: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  const open: typeof real.open = async (...args: Parameters<typeof real.open>) => {
    const handle = await real.open(...args);
    const write = handle.write.bind(handle) as (
      b: Buffer,
      o?: number,
      l?: number,
    ) => Promise<{ bytesWritten: number; buffer: Buffer }>;
    const shortWrite = async (data: string | Buffer, offset?: number, length?: number) => {
      const buf = typeof data === 'string' ? Buffer.from(data) : data;
      const from = typeof offset === 'number' ? offset : 0;
      const len = typeof length === 'number' ? length : buf.length - from;
      if (fault.zero) return { bytesWritten: 0, buffer: buf };
      if (fault.lie) {
        await write(buf, from, Math.ceil(len / 2));
        return { bytesWritten: len, buffer: buf };
      }
      return write(buf, from, Math.min(len, fault.cap));
    };
    return Object.assign(handle, { write: shortWrite });
  };
  return { ...real, open, default: { ...real, open } };
});

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempConfigDir());
  Object.assign(fault, { cap: Infinity, lie: false, zero: false });
});
afterEach(() => cleanup());

/** CSV-like text well past the 64 KiB batch, so several flushes each meet the fault. */
function records(n: number): string {
  return Array.from({ length: n }, (_, i) => `${i},record number ${i},${'x'.repeat(200)}\r\n`).join('');
}

describe('AtomicFile against writes that take only part of the buffer', () => {
  it('keeps writing until every byte is on disk (text and Buffer)', async () => {
    fault.cap = 1000;
    const path = join(dir, 'cdr.csv');
    const text = records(1000) + 'é😀\r\n';
    const file = await AtomicFile.create(path);
    await file.write(text);
    await file.write(Buffer.from('tail\r\n'));
    await file.commit();
    expect(readFileSync(path, 'utf8')).toBe(text + 'tail\r\n');
  });

  it('writeText (archive --out, the manifest, the wizard) writes every byte too', async () => {
    fault.cap = 7;
    const path = join(dir, 'list.json');
    const text = JSON.stringify({ entries: records(50) });
    await AtomicFile.writeText(path, text);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('a write that takes nothing fails instead of spinning; the old file stays, no temp file', async () => {
    const path = join(dir, 'cdr.csv');
    writeFileSync(path, 'good old export\r\n');
    fault.zero = true;
    await expect(AtomicFile.writeText(path, records(10))).rejects.toMatchObject({ code: 'ESHORT' });
    expect(readFileSync(path, 'utf8')).toBe('good old export\r\n');
    expect(readdirSync(dir)).toEqual(['cdr.csv']);
    expect(registeredTempFiles()).toEqual([]);
  });

  it('refuses to rename a file whose size is not what was written; the old file stays', async () => {
    const path = join(dir, 'cdr.csv');
    writeFileSync(path, 'good old export\r\n');
    fault.lie = true;
    const file = await AtomicFile.create(path);
    await file.write(records(400));
    await expect(file.commit()).rejects.toMatchObject({ code: 'ESIZE' });
    await file.abort();
    expect(readFileSync(path, 'utf8')).toBe('good old export\r\n');
    expect(readdirSync(dir)).toEqual(['cdr.csv']);
  });

  it('after a failed write, commit refuses too (a caller that goes on cannot commit half a file)', async () => {
    const path = join(dir, 'cdr.csv');
    writeFileSync(path, 'old');
    const file = await AtomicFile.create(path);
    fault.zero = true;
    await expect(file.write(Buffer.from('abc'))).rejects.toMatchObject({ code: 'ESHORT' });
    fault.zero = false;
    await expect(file.commit()).rejects.toMatchObject({ code: 'ESHORT' });
    await file.abort();
    expect(readFileSync(path, 'utf8')).toBe('old');
  });
});
