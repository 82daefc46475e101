import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileSink, stdoutSink } from '../../../src/commands/cdr/sink.js';
import { InterruptedError, UsageError } from '../../../src/lib/errors.js';
import { makeContext, tempConfigDir } from '../../helpers/cli.js';

let dir: string;
let cleanupDir: () => void;
beforeEach(() => {
  ({ dir, cleanup: cleanupDir } = tempConfigDir());
});
afterEach(() => cleanupDir());

/** A stdout that takes each write only when the test says so, like a pipe into a slow reader. */
class SlowPipe extends Writable {
  text = '';
  private pending: (() => void)[] = [];
  constructor() {
    super({ highWaterMark: 1024, decodeStrings: false });
  }
  override _write(chunk: string, _enc: BufferEncoding, cb: () => void): void {
    this.pending.push(() => {
      this.text += chunk;
      cb();
    });
  }
  release(): void {
    for (const next of this.pending.splice(0)) next();
  }
}

function slowContext(signal?: AbortSignal) {
  const pipe = new SlowPipe();
  const ctx = { ...makeContext({ signal }), stdout: pipe, rawStdout: pipe };
  return { ctx, pipe };
}

describe('stdoutSink', () => {
  it('batches small writes and waits for the reader when the pipe is full', async () => {
    const { ctx, pipe } = slowContext();
    const sink = stdoutSink(ctx, ctx.signal);
    await sink.write('a'.repeat(100));
    expect(pipe.text).toBe('');
    let done = false;
    const big = sink.write('b'.repeat(70_000)).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    pipe.release();
    await big;
    expect(done).toBe(true);
    expect(pipe.text).toBe('a'.repeat(100) + 'b'.repeat(70_000));
    await sink.write('tail');
    await sink.commit();
    pipe.release();
    expect(pipe.text.endsWith('tail')).toBe(true);
  });

  it('stops waiting with exit 130 when interrupted', async () => {
    const controller = new AbortController();
    const { ctx } = slowContext(controller.signal);
    const sink = stdoutSink(ctx, ctx.signal);
    const write = sink.write('x'.repeat(70_000));
    controller.abort();
    await expect(write).rejects.toBeInstanceOf(InterruptedError);
  });
});

describe('fileSink', () => {
  it('fails with exit 2 naming --out when the file cannot be put in place, and leaves no temp file', async () => {
    const folder = join(dir, 'gone');
    mkdirSync(folder);
    const sink = await fileSink(join(folder, 'cdr.csv'));
    await sink.write('a,b\r\n');
    rmSync(folder, { recursive: true });
    mkdirSync(folder);
    const err = await sink.commit().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(
      /--out .*cdr\.csv: cannot put the file in place \(its folder does not exist\)/,
    );
    expect(readdirSync(folder)).toEqual([]);
  });

  it('writes in 64 KiB batches: small records wait in memory, the file is whole at commit', async () => {
    const path = join(dir, 'cdr.csv');
    const sink = await fileSink(path);
    const temp = () => join(dir, readdirSync(dir).find((n) => n.endsWith('.partial')) as string);
    for (let i = 0; i < 100; i++) await sink.write(`${i},record\r\n`);
    expect(statSync(temp()).size).toBe(0);
    await sink.write('x'.repeat(70_000));
    const flushed = statSync(temp()).size;
    expect(flushed).toBeGreaterThan(64 * 1024);
    await sink.write('tail\r\n');
    expect(statSync(temp()).size).toBe(flushed);
    await sink.commit();
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith('0,record\r\n1,record\r\n')).toBe(true);
    expect(text.endsWith(`${'x'.repeat(10)}tail\r\n`)).toBe(true);
    expect(readdirSync(dir)).toEqual(['cdr.csv']);
  });

  it('throws away what waits in memory when aborted: no file, no temp file', async () => {
    const path = join(dir, 'cdr.csv');
    const sink = await fileSink(path);
    await sink.write('a,b\r\n');
    await sink.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names the flag it is given', async () => {
    await expect(fileSink(join(dir, 'no', 'x.csv'), '--dir')).rejects.toThrow(/^--dir /);
  });
});
