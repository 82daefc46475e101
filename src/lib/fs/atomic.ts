import { open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { removeStaleTemps, tempNameFor } from './stale-temps.js';
import { registerTempFile, unregisterTempFile } from './temp-registry.js';
import { FileWriteError, writeAll } from './write-all.js';

const FLUSH_AT = 64 * 1024;

/**
 * A file written atomically: everything goes to a hidden temp file beside the target, which is
 * renamed over the target only by commit(), and only once the file on disk holds every byte
 * written. abort() (or a crash) leaves nothing at the target path; an existing file stays as it was.
 */
export class AtomicFile {
  private buffer: string[] = [];
  private buffered = 0;
  private written = 0;
  private failure: unknown;
  private done = false;

  private constructor(
    readonly path: string,
    readonly tempPath: string,
    private readonly handle: FileHandle,
  ) {}

  /**
   * Creates the temp file in the target's folder, with the mode given, else the mode of the file it
   * will replace (so a private 0600 export stays private), else 0644. Temp files that a dead
   * process left for the same target are removed first.
   */
  static async create(path: string, mode?: number): Promise<AtomicFile> {
    mode ??= await stat(path).then(
      (s) => s.mode & 0o777,
      () => 0o644,
    );
    await removeStaleTemps(path);
    const temp = tempNameFor(path);
    const handle = await open(temp, 'wx', mode);
    registerTempFile(temp);
    return new AtomicFile(path, temp, handle);
  }

  /**
   * Writes a whole text to `path` atomically: the target is replaced only once everything is on
   * disk, and a failure leaves nothing behind. `mode` is as for create(). `beforeCommit` runs after
   * the write, before the rename: throwing there (an interruption, say) leaves no file either.
   */
  static async writeText(
    path: string,
    text: string,
    options: { mode?: number; beforeCommit?: () => void } = {},
  ): Promise<void> {
    const file = await AtomicFile.create(path, options.mode);
    try {
      await file.write(text);
      options.beforeCommit?.();
      await file.commit();
    } finally {
      await file.abort();
    }
  }

  /** Appends text; flushes to disk in 64 KiB batches so memory stays bounded. */
  async write(chunk: string | Buffer): Promise<void> {
    if (typeof chunk !== 'string') {
      await this.flush();
      await this.put(chunk);
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
    await this.put(Buffer.from(text, 'utf8'));
  }

  /** Writes every byte or fails; after one failure the file can only be aborted. */
  private async put(data: Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    try {
      await writeAll(this.handle, data);
      this.written += data.length;
    } catch (err) {
      this.failure = err;
      throw err;
    }
  }

  /**
   * Flushes, syncs and renames the temp file over the target. Refuses (and leaves the target as it
   * was) when any write failed or the file on disk is not exactly as long as what was written.
   */
  async commit(): Promise<void> {
    if (this.done) return;
    await this.flush();
    if (this.failure) throw this.failure;
    await this.handle.datasync();
    const { size } = await this.handle.stat();
    if (size !== this.written) {
      this.failure = new FileWriteError(
        `the file holds ${size} of the ${this.written} bytes written`,
        'ESIZE',
      );
      throw this.failure;
    }
    await this.handle.close();
    await rename(this.tempPath, this.path);
    unregisterTempFile(this.tempPath);
    this.done = true;
    // Make the rename itself durable where the platform allows syncing a folder.
    const dir = await open(dirname(this.path), 'r').catch(() => undefined);
    await dir?.sync().catch(() => undefined);
    await dir?.close();
  }

  /** Throws the partial work away; safe to call twice or after commit. */
  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.handle.close().catch(() => undefined);
    await unlink(this.tempPath).catch(() => undefined);
    unregisterTempFile(this.tempPath);
  }
}
