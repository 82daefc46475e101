import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtomicFile } from '../../../src/lib/fs/atomic.js';
import { tempConfigDir } from '../../helpers/cli.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempConfigDir());
});
afterEach(() => cleanup());

describe('AtomicFile', () => {
  it('writes nothing at the path until commit, then exactly what was written', async () => {
    const path = join(dir, 'out.csv');
    const file = await AtomicFile.create(path);
    await file.write('a,b\r\n');
    await file.write(Buffer.from('1,2\r\n'));
    await file.write('é,😀\r\n');
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir)).toEqual([expect.stringMatching(/^\.out\.csv\..*\.partial$/)]);
    await file.commit();
    expect(readFileSync(path, 'utf8')).toBe('a,b\r\n1,2\r\né,😀\r\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('keeps the order of text and Buffer writes across the 64 KiB flush', async () => {
    const path = join(dir, 'big.txt');
    const file = await AtomicFile.create(path);
    const line = 'x'.repeat(1023) + '\n';
    let want = '';
    for (let i = 0; i < 200; i++) {
      const text = `${i}:${line}`;
      want += text;
      await file.write(i % 50 === 0 ? Buffer.from(text) : text);
    }
    await file.commit();
    expect(readFileSync(path, 'utf8')).toBe(want);
  });

  it('abort leaves no file and no temp file, and keeps an existing file untouched', async () => {
    const path = join(dir, 'keep.csv');
    writeFileSync(path, 'old\n');
    const file = await AtomicFile.create(path);
    await file.write('new'.repeat(100_000));
    await file.abort();
    expect(readdirSync(dir)).toEqual(['keep.csv']);
    expect(readFileSync(path, 'utf8')).toBe('old\n');
  });

  it('commit replaces an existing file', async () => {
    const path = join(dir, 'replace.csv');
    writeFileSync(path, 'old\n');
    const file = await AtomicFile.create(path);
    await file.write('new\n');
    await file.commit();
    expect(readFileSync(path, 'utf8')).toBe('new\n');
  });

  it('abort after commit, and abort twice, are harmless', async () => {
    const path = join(dir, 'twice.csv');
    const file = await AtomicFile.create(path);
    await file.write('x');
    await file.commit();
    await file.abort();
    expect(readFileSync(path, 'utf8')).toBe('x');
    const other = await AtomicFile.create(join(dir, 'other.csv'));
    await other.abort();
    await other.abort();
    expect(readdirSync(dir)).toEqual(['twice.csv']);
  });

  it('creates the file with the requested mode', async () => {
    const path = join(dir, 'private.csv');
    const file = await AtomicFile.create(path, 0o600);
    await file.commit();
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('fails to create in a folder that does not exist, leaving nothing', async () => {
    await expect(AtomicFile.create(join(dir, 'missing', 'x.csv'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('two writers to the same path do not share a temp file', async () => {
    const path = join(dir, 'same.csv');
    const a = await AtomicFile.create(path);
    const b = await AtomicFile.create(path);
    expect(a.tempPath).not.toBe(b.tempPath);
    await a.write('a');
    await b.write('b');
    await a.commit();
    await b.commit();
    expect(readFileSync(path, 'utf8')).toBe('b');
    expect(readdirSync(dir)).toEqual(['same.csv']);
  });
});

describe('AtomicFile.writeText', () => {
  it('writes the whole text, replacing an existing file, leaving no temp file', async () => {
    const path = join(dir, 'list.json');
    writeFileSync(path, 'old\n');
    await AtomicFile.writeText(path, '{"a": "é"}\n');
    expect(readFileSync(path, 'utf8')).toBe('{"a": "é"}\n');
    expect(readdirSync(dir)).toEqual(['list.json']);
  });

  it('uses the mode given', async () => {
    const path = join(dir, 'private.json');
    await AtomicFile.writeText(path, 'x', { mode: 0o600 });
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('leaves nothing (and the old file untouched) when beforeCommit throws', async () => {
    const path = join(dir, 'keep.json');
    writeFileSync(path, 'old\n');
    const stop = new Error('stopped');
    await expect(
      AtomicFile.writeText(path, 'new\n', {
        beforeCommit: () => {
          throw stop;
        },
      }),
    ).rejects.toBe(stop);
    expect(readdirSync(dir)).toEqual(['keep.json']);
    expect(readFileSync(path, 'utf8')).toBe('old\n');
  });

  it('fails in a folder that does not exist, leaving nothing', async () => {
    await expect(AtomicFile.writeText(join(dir, 'missing', 'x.json'), 'x')).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(readdirSync(dir)).toEqual([]);
  });
});
