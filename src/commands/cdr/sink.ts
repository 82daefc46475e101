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

/** Text collected into BATCH-sized pieces for `send`: what both sinks write through. */
function batcher(send: (text: string) => Promise<void>) {
  let parts: string[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (size === 0) return;
    const text = parts.join('');
    parts = [];
    size = 0;
    await send(text);
  };
  return {
    write: async (text: string): Promise<void> => {
      parts.push(text);
      size += text.length;
      if (size >= BATCH) await flush();
    },
    flush,
    /** Forgets what waits (the export failed or was stopped). */
    drop: (): void => {
      parts = [];
      size = 0;
    },
  };
}

/**
 * Stdout, written in 64 KiB batches and respecting back-pressure: when the reader is slower than the
 * API (a pipe into a slow consumer), the export waits instead of piling text up in memory.
 */
export function stdoutSink(
  out: { readonly stdout: OutStream; readonly rawStdout: Writable },
  signal: AbortSignal,
): Sink {
  const batch = batcher(async (text) => {
    if (out.stdout.write(text)) return;
    try {
      await once(out.rawStdout, 'drain', { signal });
    } catch {
      throw new InterruptedError();
    }
  });
  return { write: batch.write, commit: batch.flush, abort: async () => batch.drop() };
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
  // Records are about a kilobyte each: the file is handed 64 KiB at a time, not awaited per record.
  const batch = batcher((text) => guard(() => file.write(text), 'writing failed'));
  return {
    write: batch.write,
    commit: async () => {
      await batch.flush();
      await guard(() => file.commit(), 'cannot put the file in place');
    },
    abort: async () => {
      batch.drop();
      await file.abort();
    },
  };
}
