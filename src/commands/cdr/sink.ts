import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { OutStream } from '../../context.js';
import { InterruptedError } from '../../lib/errors.js';
import { openOutput, type OutputFile } from '../../lib/fs/output.js';
import { outputError } from '../../lib/fs/output-error.js';

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
export function stdoutSink(
  out: { readonly stdout: OutStream; readonly rawStdout: Writable },
  signal: AbortSignal,
): Sink {
  let parts: string[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const text = parts.join('');
    parts = [];
    size = 0;
    if (out.stdout.write(text)) return;
    try {
      await once(out.rawStdout, 'drain', { signal });
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
 * A file at `path` written atomically (temp file + rename), or directly when it is a device or a
 * FIFO, in 64 KiB batches. Opened before any request is sent, so a folder that does not exist or cannot be written is
 * a usage error (exit 2) and costs no API call. A failed write (a full disk, a file-size limit)
 * fails the export with exit 2 and leaves an existing file untouched.
 */
export async function fileSink(path: string, flag = '--out'): Promise<Sink> {
  let file: OutputFile;
  try {
    file = await openOutput(path);
  } catch (err) {
    throw outputError(err, flag, path, 'cannot write there');
  }
  /** Disk errors later on (full disk, file system gone) fail the export the same way, after cleanup. */
  const guard = async (work: () => Promise<void>, what: string) => {
    try {
      await work();
    } catch (err) {
      await file.abort();
      throw outputError(err, flag, path, what);
    }
  };
  // Records are about a kilobyte each: one write (and one await of the disk) per 64 KiB, not per record.
  let parts: string[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const text = parts.join('');
    parts = [];
    size = 0;
    await guard(() => file.write(text), 'writing failed');
  };
  return {
    write: async (text) => {
      parts.push(text);
      size += text.length;
      if (size >= BATCH) await flush();
    },
    commit: async () => {
      await flush();
      await guard(() => file.commit(), 'cannot put the file in place');
    },
    abort: async () => {
      parts = [];
      size = 0;
      await file.abort();
    },
  };
}
