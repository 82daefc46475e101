import { lstat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { FileJob } from './fetch.js';
import { FileFailure } from './responses.js';

/**
 * Refuses a file whose folders under the download folder (the session folder, and any level below
 * it) include a symbolic link: a link planted there would carry the file outside --dir. Each level
 * is checked with lstat, so a link is seen as a link; levels that do not exist yet are fine (the
 * download creates them). The download folder itself may be a link: the user named it.
 */
export async function refuseLinkedFolders(job: FileJob): Promise<void> {
  const levels = dirname(job.rel)
    .split(/[\\/]/)
    .filter((p) => p !== '' && p !== '.');
  const root = resolve(job.full, ...levels.map(() => '..'), '..');
  let at = root;
  let rel = '';
  for (const level of levels) {
    at = join(at, level);
    rel = rel ? `${rel}/${level}` : level;
    const seen = await lstat(at).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    if (!seen) return;
    if (seen.isSymbolicLink()) {
      throw new FileFailure(
        `folder ${rel} is a symbolic link; remove it, then run again (nothing was saved through it)`,
        false,
      );
    }
    if (!seen.isDirectory()) {
      throw new FileFailure(`${rel} is not a folder; remove it, then run again`, false);
    }
  }
}
