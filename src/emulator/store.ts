import { readFile, rename, stat, unlink, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { withLock } from './lock.js';
import { applyInPlace } from './journal.js';
import { StateFileError, emptyState, reviveState, type State } from './state.js';

/**
 * Where the state lives. Readers get the state as it is now: they must not change it, nor keep it
 * across an `await` (a change may land meanwhile). Every change goes through `mutate`, which keeps
 * the function's writes only if it returns.
 */
export interface Store {
  read(): Promise<State>;
  mutate<T>(change: (state: State) => T): Promise<T>;
}

/**
 * A store in memory: the state lives and dies with the server. Changes are made in place and undone
 * if they throw (journal.ts), so a write costs what it touches however many rooms there are.
 */
export function memoryStore(initial: State = emptyState()): Store {
  const current = initial;
  return {
    read: async () => current,
    async mutate(change) {
      return applyInPlace(current, change);
    },
  };
}

/** Identifies one version of the file: an atomic rename always brings a new inode or mtime. */
type Signature = string;

/**
 * A store on disk shared by any number of processes: each change takes the lock, reloads the
 * file, applies, writes a temp file and renames it over (readers never see half a file).
 */
export function fileStore(path: string): Store {
  const lockPath = `${path}.lock`;
  let cached: { sig: Signature; state: State } | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  async function signature(): Promise<Signature | undefined> {
    try {
      const s = await stat(path, { bigint: true });
      return `${s.ino}:${s.size}:${s.mtimeNs}`;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async function load(): Promise<{ text: string | undefined; state: State }> {
    let text: string | undefined;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    if (text === undefined || text.trim() === '') return { text, state: emptyState() };
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new StateFileError(
        `${path} is not valid JSON; move it away to start with an empty emulator state.`,
      );
    }
    return { text, state: reviveState(parsed, path) };
  }

  /**
   * Temp file + rename: a reader or a crashed writer never leaves half a file. No fsync: this is
   * a development server, and a power cut losing the last write is an acceptable trade for speed.
   */
  async function writeAtomic(text: string): Promise<void> {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(tmp, text, { mode: 0o600 });
      await rename(tmp, path);
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      throw err;
    }
  }

  return {
    async read() {
      const sig = await signature();
      if (sig !== undefined && cached?.sig === sig) return cached.state;
      const { state } = await load();
      cached = sig === undefined ? undefined : { sig, state };
      return state;
    },
    mutate(change) {
      // One change at a time per process: only cross-process contention is left to the lock file.
      const next = queue.then(() => mutateLocked(change));
      queue = next.catch(() => undefined);
      return next;
    },
  };

  async function mutateLocked<T>(change: (state: State) => T): Promise<T> {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    return withLock(lockPath, async () => {
      const { text, state } = await load();
      const result = change(state);
      const next = JSON.stringify(state);
      if (next !== text) await writeAtomic(next);
      const sig = await signature();
      cached = sig === undefined ? undefined : { sig, state };
      return result;
    });
  }
}
