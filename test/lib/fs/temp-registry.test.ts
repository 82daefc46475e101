import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtomicFile } from '../../../src/lib/fs/atomic.js';
import {
  registerTempFile,
  registeredTempFiles,
  removeAllTempFilesSync,
  unregisterTempFile,
} from '../../../src/lib/fs/temp-registry.js';
import { tempConfigDir } from '../../helpers/cli.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempConfigDir());
});
afterEach(() => {
  removeAllTempFilesSync();
  cleanup();
});

describe('temp file registry', () => {
  it('removes what is registered, synchronously, and forgets it', () => {
    const a = join(dir, 'a.partial');
    const b = join(dir, 'b.partial');
    const kept = join(dir, 'kept.partial');
    for (const p of [a, b, kept]) writeFileSync(p, 'x');
    registerTempFile(a);
    registerTempFile(b);
    registerTempFile(kept);
    unregisterTempFile(kept);
    removeAllTempFilesSync();
    expect(readdirSync(dir)).toEqual(['kept.partial']);
    expect(registeredTempFiles()).toEqual([]);
  });

  it('a file already gone is no error', () => {
    registerTempFile(join(dir, 'never-written'));
    expect(() => removeAllTempFilesSync()).not.toThrow();
    expect(registeredTempFiles()).toEqual([]);
  });
});

describe('AtomicFile registers its temp file while it is in flight', () => {
  it.each([
    ['commit', (f: AtomicFile) => f.commit(), true],
    ['abort', (f: AtomicFile) => f.abort(), false],
  ])('until %s', async (_name, finish, targetExists) => {
    const path = join(dir, 'out.json');
    const file = await AtomicFile.create(path);
    expect(registeredTempFiles()).toEqual([file.tempPath]);
    await file.write('{}');
    await finish(file);
    expect(registeredTempFiles()).toEqual([]);
    expect(existsSync(file.tempPath)).toBe(false);
    expect(existsSync(path)).toBe(targetExists);
  });

  it('a forced exit mid-write leaves neither the temp file nor the target', async () => {
    const path = join(dir, 'export.csv');
    const file = await AtomicFile.create(path);
    await file.write('a,b\n'.repeat(30_000));
    removeAllTempFilesSync();
    expect(readdirSync(dir)).toEqual([]);
    await file.abort();
  });
});
