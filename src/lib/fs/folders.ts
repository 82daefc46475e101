import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { FileWriteError } from './write-all.js';

/**
 * The folders of `dir` that do not exist yet, outermost first, after checking that the nearest
 * existing one is a folder. Throws ENOTDIR (naming the path) when a file stands in the way.
 */
async function missingFolders(dir: string): Promise<{ missing: string[]; existing: string }> {
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    const st = await stat(at).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    if (st) {
      if (!st.isDirectory()) throw new FileWriteError(`${at} is not a folder`, 'ENOTDIR');
      return { missing, existing: at };
    }
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) return { missing, existing: at };
    at = parent;
  }
}

/**
 * Checks, without creating anything, that `dir` exists as a writable folder or could be created:
 * its nearest existing ancestor is a folder this process may write into. Errors carry a `code`.
 */
export async function checkFolder(dir: string): Promise<void> {
  const { existing } = await missingFolders(dir);
  await access(existing, constants.W_OK | constants.X_OK);
}

/**
 * Creates `dir` one level at a time (new levels get `mode`), then checks it can be written. Node's
 * recursive mkdir spins forever under /proc (ENOENT on every try); one level at a time fails at once.
 */
export async function makeFolders(dir: string, mode = 0o700): Promise<void> {
  const { missing } = await missingFolders(dir);
  for (const folder of missing) {
    await mkdir(folder, { mode }).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
    });
  }
  await access(dir, constants.W_OK | constants.X_OK);
}
