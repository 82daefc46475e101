import type { FileHandle } from 'node:fs/promises';

/** An error with the errno-style code the callers turn into a message. */
export class FileWriteError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'FileWriteError';
  }
}

/**
 * Writes every byte of `data`: a write may take only part of it (a file-size limit, a nearly full
 * disk), so it loops until all is written. A write that takes nothing fails rather than spinning.
 */
export async function writeAll(handle: FileHandle, data: Buffer): Promise<void> {
  for (let offset = 0; offset < data.length;) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    if (bytesWritten <= 0) {
      throw new FileWriteError(`the file system took ${offset} of ${data.length} bytes`, 'ESHORT');
    }
    offset += bytesWritten;
  }
}
