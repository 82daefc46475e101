import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBodyFile } from '../../src/commands/input-file.js';
import { makeFactory } from '../helpers/factory.js';
import { tempDir, removeTempDir } from '../helpers/temp.js';

let dir: string;
let cwd: string;
const put = (path: string, text: string) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
};
beforeEach(() => {
  dir = tempDir('input');
  cwd = join(dir, 'cwd');
  // Decoys: what a URL reading of the names below would open instead.
  put(join(cwd, 'room'), '{"decoy": "room"}');
  put(join(cwd, 'a'), '{"decoy": "a"}');
  put(join(cwd, 'A.json'), '{"decoy": "A"}');
});
afterEach(() => removeTempDir(dir));

describe('readBodyFile resolves plain paths against the working directory', () => {
  it.each([['room#1.json'], ['a?b=1.json'], ['%41.json'], ['sub dir/x.json'], ['../up#1.json']])(
    '-f %s',
    async (arg) => {
      put(join(cwd, arg), JSON.stringify({ name: arg }));
      await expect(readBodyFile(makeFactory({ cwd }).f, arg)).resolves.toEqual({ name: arg });
    },
  );

  it('a working directory with "#" in its name', async () => {
    const odd = join(dir, 'build #2');
    put(join(odd, 'room.yaml'), 'name: odd\n');
    await expect(readBodyFile(makeFactory({ cwd: odd }).f, 'room.yaml')).resolves.toEqual({ name: 'odd' });
  });

  it('an absolute path is read as is', async () => {
    const target = join(dir, 'abs#1.yaml');
    put(target, 'name: abs\n');
    await expect(readBodyFile(makeFactory({ cwd: '/' }).f, target)).resolves.toEqual({ name: 'abs' });
  });

  it('a missing file names the flag and the path as given', async () => {
    await expect(readBodyFile(makeFactory({ cwd }).f, 'nope#1.json', '--body')).rejects.toThrow(
      '--body nope#1.json: no such file.',
    );
  });
});
