import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

const FLUSH_AT = 64 * 1024;

/**
 * A file written atomically: everything goes to a hidden temp file beside the target, which is
 * renamed over the target only by commit(). abort() (or a crash) leaves nothing at the target path.
 */
export class AtomicFile {
  private buffer: string[] = [];
  private buffered = 0;
  private done = false;

  private constructor(
    readonly path: string,
    readonly tempPath: string,
    private readonly handle: FileHandle,
  ) {}

  /** Creates the temp file (mode 0644, or as given) in the target's folder. */
  static async create(path: string, mode = 0o644): Promise<AtomicFile> {
    const temp = join(
      dirname(path),
      `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.partial`,
    );
    const handle = await open(temp, 'wx', mode);
    return new AtomicFile(path, temp, handle);
  }

  /** Appends text; flushes to disk in 64 KiB batches so memory stays bounded. */
  async write(chunk: string | Buffer): Promise<void> {
    if (typeof chunk !== 'string') {
      await this.flush();
      await this.handle.write(chunk);
      return;
    }
    this.buffer.push(chunk);
    this.buffered += chunk.length;
    if (this.buffered >= FLUSH_AT) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.buffered === 0) return;
    const text = this.buffer.join('');
    this.buffer = [];
    this.buffered = 0;
    await this.handle.write(text);
  }

  /** Flushes, syncs and renames the temp file over the target. */
  async commit(): Promise<void> {
    if (this.done) return;
    await this.flush();
    await this.handle.datasync();
    await this.handle.close();
    await rename(this.tempPath, this.path);
    this.done = true;
  }

  /** Throws the partial work away; safe to call twice or after commit. */
  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.handle.close().catch(() => undefined);
    await unlink(this.tempPath).catch(() => undefined);
  }
}
