import { PassThrough, Readable, Writable } from 'node:stream';
import { run } from '../../src/cli.js';
import type { Context, InStream, OutStream } from '../../src/context.js';
import { scopedTempDir } from './temp.js';

/** An in-memory output stream that remembers what was written. */
export class MemoryStream extends Writable implements OutStream {
  text = '';
  /** Like a real stream, only a terminal has a width. */
  readonly columns: number | undefined;
  constructor(
    readonly isTTY = false,
    columns = 100,
  ) {
    super();
    this.columns = isTTY ? columns : undefined;
  }
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString();
    cb();
  }
  /** Terminal cursor calls (ora, progress bars) are accepted and ignored, as on a real TTY stream. */
  cursorTo(_x: number, _y?: number | (() => void), cb?: () => void): boolean {
    if (typeof _y === 'function') _y();
    cb?.();
    return true;
  }
  clearLine(_dir: number, cb?: () => void): boolean {
    cb?.();
    return true;
  }
  moveCursor(_dx: number, _dy: number, cb?: () => void): boolean {
    cb?.();
    return true;
  }
}

/** Options for a test context. */
export interface TestContextOptions {
  env?: Record<string, string | undefined>;
  stdin?: string;
  stdinTTY?: boolean;
  stdoutTTY?: boolean;
  /** Width of a TTY stdout (default 100). */
  columns?: number;
  stderrTTY?: boolean;
  now?: Date;
  cwd?: string;
  signal?: AbortSignal;
}

/** What a test context recorded. */
export interface TestContext extends Context {
  out: MemoryStream;
  err: MemoryStream;
  sleeps: number[];
}

/** Fixed clock of the tests: 2026-11-29 12:00:00 UTC. */
export const TEST_NOW = new Date('2026-11-29T12:00:00Z');

/** Builds a context with in-memory streams, a fixed clock and instant sleeps. */
export function makeContext(opts: TestContextOptions = {}): TestContext {
  const out = new MemoryStream(opts.stdoutTTY ?? false, opts.columns);
  const err = new MemoryStream(opts.stderrTTY ?? false);
  let stdin: InStream;
  if (opts.stdin !== undefined) {
    stdin = Readable.from([Buffer.from(opts.stdin)]) as InStream;
  } else {
    stdin = new PassThrough() as unknown as InStream;
    (stdin as PassThrough).end();
  }
  if (opts.stdinTTY) Object.defineProperty(stdin, 'isTTY', { value: true });
  const sleeps: number[] = [];
  return {
    stdout: out,
    stderr: err,
    stdin,
    rawStdout: out,
    rawStderr: err,
    out,
    err,
    env: { ...opts.env },
    cwd: opts.cwd ?? process.cwd(),
    platform: 'linux',
    now: () => new Date((opts.now ?? TEST_NOW).getTime()),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    sleeps,
    signal: opts.signal ?? new AbortController().signal,
    version: '0.0.0-test',
  };
}

/** The result of one in-process run. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  ctx: TestContext;
}

/** Credentials every unit test uses against nock. */
export const TEST_ENV = {
  ENABLEX_APP_ID: '5f3b2c1a9d8e7f6a5b4c3d2e',
  ENABLEX_APP_KEY: 'k3yK3yk3yK3yk3yK3yk3yK3yk3yK3yk3yK3y',
  ENABLEX_BASE_URL: 'https://api.enablex.test/video/v2',
};

/** Base URL origin matching TEST_ENV, for nock scopes. */
export const API_ORIGIN = 'https://api.enablex.test';

/** Runs the CLI in-process. Retries are off unless the test passes --retries itself. */
export async function runCli(argv: string[], opts: TestContextOptions = {}): Promise<RunResult> {
  const ctx = makeContext({ ...opts, env: { ...TEST_ENV, ...opts.env } });
  const args = argv.some((a) => a.startsWith('--retries')) ? argv : [...argv, '--retries', '0'];
  const code = await run(args, ctx);
  return { code, stdout: ctx.out.text, stderr: ctx.err.text, ctx };
}

/** A fresh, empty config folder for a test; removed by the returned function. */
export function tempConfigDir(): { dir: string; cleanup: () => void } {
  return scopedTempDir('config');
}
