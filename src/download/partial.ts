import { constants } from 'node:fs';
import { lstat, open, unlink, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { FileFailure } from './responses.js';

/** Recordings are private: partial (and so final) files are created readable by their owner only. */
const FILE_MODE = 0o600;

// O_NOFOLLOW: a symbolic link planted at the name fails the open (ELOOP) instead of being followed.
// O_NONBLOCK: a FIFO planted there fails at once instead of blocking; a regular file ignores it.
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const RESUME_FLAGS = constants.O_WRONLY | constants.O_APPEND | NOFOLLOW | (constants.O_NONBLOCK ?? 0);
const CREATE_FLAGS =
  constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_EXCL | NOFOLLOW;

function notRegular(path: string): FileFailure {
  return new FileFailure(
    `${basename(path)} is not a regular file (a symbolic link, a folder or a device): it was left alone; remove it, then run again`,
    false,
  );
}

/**
 * The `<name>.partial` file of one download. An existing one is opened without following links
 * and only when it is a regular file (its size is the resume offset); a new one is created
 * exclusively (O_EXCL), mode 0600, whatever the umask, so nothing else's file is ever written.
 */
export class PartialFile {
  private handle: FileHandle | undefined;

  private constructor(
    readonly path: string,
    /** Bytes already there: the offset a resume asks for. */
    readonly size: number,
    handle: FileHandle | undefined,
  ) {
    this.handle = handle;
  }

  /** Opens the partial at `path` if there is one (a link or a non-file there is a failure). */
  static async find(path: string): Promise<PartialFile> {
    const seen = await lstat(path).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    if (!seen) return new PartialFile(path, 0, undefined);
    if (!seen.isFile()) throw notRegular(path);
    const handle = await open(path, RESUME_FLAGS).catch((err: NodeJS.ErrnoException) => {
      throw err.code === 'ELOOP' || err.code === 'ENXIO' ? notRegular(path) : err;
    });
    const st = await handle.stat();
    if (!st.isFile() || st.ino !== seen.ino) {
      await handle.close();
      throw notRegular(path);
    }
    await handle.chmod(FILE_MODE).catch(() => undefined);
    return new PartialFile(path, st.size, handle);
  }

  /** A partial that does not exist yet (after a restart threw the old one away). */
  static fresh(path: string): PartialFile {
    return new PartialFile(path, 0, undefined);
  }

  /**
   * The handle to write the body to: the existing file (emptied first when `fromZero`), or a new
   * file created exclusively. A name taken meanwhile fails (transient: the next try looks again).
   */
  async writer(fromZero: boolean): Promise<FileHandle> {
    if (this.handle) {
      if (fromZero) await this.handle.truncate(0);
      return this.handle;
    }
    this.handle = await open(this.path, CREATE_FLAGS, FILE_MODE).catch((err: NodeJS.ErrnoException) => {
      throw err.code === 'EEXIST' || err.code === 'ELOOP'
        ? new FileFailure(`${basename(this.path)} appeared while starting; trying again`, true)
        : err;
    });
    return this.handle;
  }

  /** Closes the file (kept on disk for a resume); safe to call twice. */
  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await handle?.close().catch(() => undefined);
  }

  /** Closes and removes the file, so the next pass starts from zero. */
  async discard(): Promise<void> {
    await this.close();
    await unlink(this.path).catch(() => undefined);
  }
}
