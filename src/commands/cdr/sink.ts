import { once } from 'node:events';
import { stat } from 'node:fs/promises';
import type { Context } from '../../context.js';
import { InterruptedError, UsageError } from '../../errors.js';
import { AtomicFile } from '../../fs/atomic.js';

/** Where export text goes: stdout, or a file that appears only when the export is complete. */
export interface Sink {
  write(text: string): Promise<void>;
  /** Makes the output final (renames the file into place; flushes stdout). */
  commit(): Promise<void>;
  /** Throws the output away: no file is left at the path. A no-op for stdout or after commit. */
  abort(): Promise<void>;
}

const BATCH = 64 * 1024;

/**
 * Stdout, written in 64 KiB batches and respecting back-pressure: when the reader is slower than the
 * API (a pipe into a slow consumer), the export waits instead of piling text up in memory.
 */
export function stdoutSink(ctx: Context): Sink {
  let parts: string[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const text = parts.join('');
    parts = [];
    size = 0;
    if (ctx.stdout.write(text)) return;
    try {
      await once(ctx.rawStdout, 'drain', { signal: ctx.signal });
    } catch {
      throw new InterruptedError();
    }
  };
  return {
    write: async (text) => {
      parts.push(text);
      size += text.length;
      if (size >= BATCH) await flush();
    },
    commit: flush,
    abort: async () => {
      parts = [];
      size = 0;
    },
  };
}

/**
 * A file at `path` written atomically (temp file + rename). Created before any request is sent, so a
 * folder that does not exist or cannot be written is a usage error (exit 2) and costs no API call.
 */
export async function fileSink(path: string, flag = '--out'): Promise<Sink> {
  const target = await stat(path).catch(() => undefined);
  if (target?.isDirectory()) throw new UsageError(`${flag} ${path} is a folder: give a file name.`);
  let file: AtomicFile;
  try {
    file = await AtomicFile.create(path);
  } catch (err) {
    throw ioError(err, `${flag} ${path}: cannot write there`);
  }
  /** Disk errors later on (full disk, file system gone) fail the export the same way, after cleanup. */
  const guard = async (work: () => Promise<void>, what: string) => {
    try {
      await work();
    } catch (err) {
      await file.abort();
      throw ioError(err, `${flag} ${path}: ${what}`);
    }
  };
  return {
    write: (text) => guard(() => file.write(text), 'writing failed'),
    commit: () => guard(() => file.commit(), 'cannot put the file in place'),
    abort: () => file.abort(),
  };
}

const WHY: Readonly<Record<string, string>> = {
  ENOENT: 'its folder does not exist',
  EACCES: 'no permission to write in its folder',
  EPERM: 'no permission to write in its folder',
  ENOTDIR: 'a part of the path is not a folder',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EISDIR: 'it is a folder',
};

/** A file-system failure as an exit-2 error naming the flag (the path is the user's input). */
function ioError(err: unknown, message: string): UsageError {
  const code = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : 'error');
  return new UsageError(`${message} (${WHY[code] ?? code}).`);
}
