import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { AtomicFile } from '../../../src/lib/fs/atomic.js';
import { tempConfigDir } from '../../helpers/cli.js';

let tmp: ReturnType<typeof tempConfigDir>;
beforeEach(() => {
  tmp = tempConfigDir();
});
afterEach(() => tmp.cleanup());

it('keeps the mode of the file it replaces, so a private export stays private', async () => {
  const path = join(tmp.dir, 'cdr.csv');
  writeFileSync(path, 'old');
  chmodSync(path, 0o600);
  const file = await AtomicFile.create(path);
  await file.write('new');
  await file.commit();
  expect(readFileSync(path, 'utf8')).toBe('new');
  expect(statSync(path).mode & 0o777).toBe(0o600);
});

it('creates new files 0644 unless told otherwise', async () => {
  const path = join(tmp.dir, 'fresh.csv');
  const file = await AtomicFile.create(path);
  await file.commit();
  expect(statSync(path).mode & 0o777).toBe(0o644 & ~process.umask());
});
