import { constants } from 'node:fs';
import { lstat, open, realpath, stat, type FileHandle } from 'node:fs/promises';
import { AtomicFile } from './atomic.js';
import { FileWriteError, writeAll } from './write-all.js';

/** Where a command's output file goes: written whole, or (for a device or a pipe) as it comes. */
export interface OutputFile {
  /** The path written: the link's target when the path given was a symbolic link. */
  readonly path: string;
  write(chunk: string | Buffer): Promise<void>;
  /** Makes the output final: renames a regular file into place; closes a device or a pipe. */
  commit(): Promise<void>;
  /** Throws the output away (a regular file); closes a device or a pipe. Safe to call twice. */
  abort(): Promise<void>;
}

/**
 * A character device (`/dev/null`, `/dev/stdout` on a terminal) or a FIFO: opened as it is, never
 * replaced, written in order. A rename would turn the device into a regular file (as root) or
 * take the pipe's place instead of feeding its reader.
 */
class DirectFile implements OutputFile {
  private closed = false;
  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
  ) {}

  static async open(path: string): Promise<DirectFile> {
    // No O_CREAT and no O_TRUNC: only an existing device or pipe is opened, and it is not emptied.
    return new DirectFile(path, await open(path, constants.O_WRONLY | constants.O_NOCTTY));
  }

  async write(chunk: string | Buffer): Promise<void> {
    await writeAll(this.handle, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  }

  async commit(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close();
  }

  async abort(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close().catch(() => undefined);
  }
}

/** The path to write: a symbolic link is followed, so its target (not the link) is replaced. */
async function targetOf(path: string): Promise<string> {
  const link = await lstat(path).catch(() => undefined);
  if (!link?.isSymbolicLink()) return path;
  return realpath(path).catch(() => path);
}

/**
 * Opens an output file for `--out`. A missing path or a regular file is written atomically (temp
 * file, renamed into place when complete); a character device or a FIFO is written directly; a
 * folder, a block device or a socket is refused (errors carry a `code` for outputError()).
 */
export async function openOutput(path: string, mode?: number): Promise<OutputFile> {
  const target = await targetOf(path);
  const st = await stat(target).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  if (!st || st.isFile()) return AtomicFile.create(target, mode);
  if (st.isDirectory()) throw new FileWriteError('it is a folder: give a file name', 'EISDIR');
  if (st.isFIFO() || st.isCharacterDevice()) return DirectFile.open(target);
  throw new FileWriteError(
    'it is a block device or a socket, which is never written: give a regular file, a FIFO or a character device',
    'ESPECIAL',
  );
}

/** Writes a whole text to an output (see openOutput); a failure leaves a regular target untouched. */
export async function writeOutput(
  path: string,
  text: string,
  options: { mode?: number; beforeCommit?: () => void } = {},
): Promise<void> {
  const file = await openOutput(path, options.mode);
  try {
    await file.write(text);
    options.beforeCommit?.();
    await file.commit();
  } finally {
    await file.abort();
  }
}
