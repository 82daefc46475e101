import { open, type FileHandle } from 'node:fs/promises';
import { spoolPath, releaseSpool } from '../../lib/fs/spool-files.js';

/** Text the chunks of one export keep in memory (shared out between them); the rest goes to temp files. */
export const MEMORY_BUDGET = 4 * 1024 * 1024;
const READ_BLOCK = 1024 * 1024;
const WRITE_BATCH = 256 * 1024;

/**
 * The prepared records of one chunk, kept until the chunk's turn to be written comes: in memory up
 * to `limit` characters, then in a temp file (text only; other values always stay in memory, they
 * are small). Each record's id is kept, so duplicates of the previous chunk can be dropped when the
 * records are handed on. Memory stays bounded by `limit` however large the chunk.
 */
export class Spool<T> {
  private values: T[] = [];
  private ids: (string | undefined)[] = [];
  private chars = 0;
  private closed = false;
  private file:
    { path: string; handle: FileHandle; lengths: number[]; batch: string[]; batched: number } | undefined;

  constructor(private readonly limit: number) {}

  /**
   * Keeps one record's value and id. Returns a promise only when the file is written to: the
   * common case costs no await per record.
   */
  push(id: string | undefined, value: T): Promise<void> | undefined {
    if (this.closed) return Promise.reject(new Error('the export was stopped'));
    this.ids.push(id);
    if (!this.file && (typeof value !== 'string' || this.chars + value.length <= this.limit)) {
      this.values.push(value);
      if (typeof value === 'string') this.chars += value.length;
      return undefined;
    }
    return this.pushToFile(value as string); // only text reaches the file: see above
  }

  private async pushToFile(text: string): Promise<void> {
    try {
      await this.appendToFile(text);
    } catch (err) {
      // A write error names no file: say which one (a full disk is reported with its path).
      const path = this.file?.path;
      if (path && err instanceof Error && !(err as NodeJS.ErrnoException).path) Object.assign(err, { path });
      throw err;
    }
  }

  private async appendToFile(text: string): Promise<void> {
    if (!this.file) {
      const path = await spoolPath();
      this.file = { path, handle: await open(path, 'w+', 0o600), lengths: [], batch: [], batched: 0 };
    }
    const f = this.file;
    f.lengths.push(Buffer.byteLength(text));
    f.batch.push(text);
    f.batched += text.length;
    if (f.batched >= WRITE_BATCH) await this.flush();
  }

  private async flush(): Promise<void> {
    const f = this.file;
    if (!f || f.batch.length === 0) return;
    const text = f.batch.join('');
    f.batch = [];
    f.batched = 0;
    await f.handle.write(text);
  }

  /** Hands every record on in order, with its id (`skip` drops one); then frees everything. */
  async drain(each: (id: string | undefined, value: T) => void | Promise<void>): Promise<void> {
    const inMemory = this.values.length;
    for (let i = 0; i < inMemory; i++) await each(this.ids[i], this.values[i] as T);
    this.values = [];
    const f = this.file;
    if (f) {
      await this.flush();
      // One block, reused: the bytes of a record cut at the block's end move to its start.
      let block = Buffer.allocUnsafe(READ_BLOCK);
      let position = 0;
      let kept = 0;
      let record = 0;
      while (record < f.lengths.length) {
        const need = f.lengths[record] as number;
        if (need > block.length) {
          const bigger = Buffer.allocUnsafe(need);
          block.copy(bigger, 0, 0, kept);
          block = bigger;
        }
        const { bytesRead } = await f.handle.read(block, kept, block.length - kept, position);
        if (bytesRead === 0) throw new Error(`the spool file ${f.path} ended early`);
        position += bytesRead;
        const end = kept + bytesRead;
        let at = 0;
        while (record < f.lengths.length && at + (f.lengths[record] as number) <= end) {
          const next = at + (f.lengths[record] as number);
          await each(this.ids[inMemory + record], block.toString('utf8', at, next) as T);
          at = next;
          record++;
        }
        kept = end - at;
        block.copy(block, 0, at, end);
      }
    }
    await this.close();
  }

  /** Forgets everything kept and takes no more: the export is over (or failed). */
  async close(): Promise<void> {
    this.closed = true;
    await this.discard();
  }

  /** Forgets everything kept (a retry starts over). */
  async discard(): Promise<void> {
    this.values = [];
    this.ids = [];
    this.chars = 0;
    const f = this.file;
    this.file = undefined;
    if (f) {
      await f.handle.close().catch(() => undefined);
      await releaseSpool(f.path);
    }
  }
}
