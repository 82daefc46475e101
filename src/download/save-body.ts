import type { FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { writeAll } from '../lib/fs/write-all.js';

/** Chunks waiting for the disk before the response is paused (backpressure). */
const MAX_QUEUED = 8;

/**
 * Writes a response body to the file `opening` resolves to, syncs it, and returns the file's size.
 * Every chunk that arrived reaches the disk even when the transfer then fails: a stream pipeline
 * would drop what was still buffered when the connection broke, which is exactly what a resume
 * needs. Listening starts at once, before the file is open, so nothing that arrives meanwhile is
 * lost either. Rejects with the disk's or the transfer's error once the writes have settled. The
 * caller owns the handle (and closes it).
 */
export async function saveBody(
  body: Readable,
  opening: Promise<FileHandle>,
  onBytes: (n: number) => void,
): Promise<number> {
  let handle: FileHandle | undefined;
  let diskError: unknown;
  let queued = 0;
  // Each step catches its own errors, so the queue never rejects.
  let queue: Promise<void> = opening.then(
    (h) => void (handle = h),
    (err: Error) => {
      diskError = err;
      body.destroy(err);
    },
  );
  const ended = new Promise<void>((resolve, reject) => {
    body.on('data', (chunk: Buffer) => {
      if (++queued > MAX_QUEUED) body.pause();
      queue = queue.then(async () => {
        try {
          if (handle && !diskError) {
            await writeAll(handle, chunk);
            onBytes(chunk.length);
          }
        } catch (err) {
          diskError = err;
          body.destroy(err as Error);
        }
        if (--queued <= MAX_QUEUED / 2 && body.isPaused()) body.resume();
      });
    });
    body.once('end', resolve);
    body.once('error', reject);
  });
  let transferError: unknown;
  await ended.catch((err: unknown) => void (transferError = err));
  await queue;
  if (diskError) throw diskError;
  if (transferError) throw transferError;
  if (!handle) return 0;
  await handle.datasync();
  return (await handle.stat()).size;
}
