import { open, readFile, rename, stat, unlink, link } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { busy } from './errors.js';

/** How long a lock may be held before others treat its holder as dead. */
const STALE_MS = 5_000;
/** How long a writer waits for the lock before answering "server busy". */
const WAIT_MS = 15_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` holding `<file>.lock`. Several processes (a served emulator and CLI runs with
 * --emulator) may share one state file, so every read-modify-write happens under this lock.
 * The lock is an O_EXCL-created file; a lock older than a few seconds belongs to a crashed
 * process and is broken.
 */
export async function withLock<T>(lockPath: string, work: () => Promise<T>): Promise<T> {
  const token = `${process.pid}-${randomBytes(6).toString('hex')}`;
  const deadline = Date.now() + WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockPath, 'wx', 0o600);
      await handle.writeFile(token);
      await handle.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (await breakIfStale(lockPath)) continue;
    if (Date.now() > deadline) throw busy();
    // Holders keep the lock for a few milliseconds: poll often, with jitter so waiters spread out.
    await pause(Math.min(2 + attempt, 20) + Math.random() * 5);
  }
  try {
    return await work();
  } finally {
    await releaseIfOurs(lockPath, token);
  }
}

/** Removes a lock whose holder died. Renaming first makes sure only one process breaks it. */
async function breakIfStale(lockPath: string): Promise<boolean> {
  let owner: string;
  try {
    const info = await stat(lockPath);
    if (Date.now() - info.mtimeMs < STALE_MS) return false;
    owner = await readFile(lockPath, 'utf8');
  } catch {
    return true; // Gone already: try again at once.
  }
  const aside = `${lockPath}.stale-${randomBytes(4).toString('hex')}`;
  try {
    await rename(lockPath, aside);
  } catch {
    return true;
  }
  const moved = await readFile(aside, 'utf8').catch(() => owner);
  // Between our read and the rename another process may have broken it and locked anew: put theirs back.
  if (moved !== owner) await link(aside, lockPath).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
  return true;
}

/** Deletes the lock only if it is still ours (it may have been broken as stale meanwhile). */
async function releaseIfOurs(lockPath: string, token: string): Promise<void> {
  const content = await readFile(lockPath, 'utf8').catch(() => undefined);
  if (content === token) await unlink(lockPath).catch(() => undefined);
}
