import type { Readable, Writable } from 'node:stream';
import type { Replaceable } from './factory.js';

/** A writable stream as the CLI sees it: stdout or stderr, a TTY or not. */
export interface OutStream {
  write(chunk: string): boolean;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/**
 * The width of a terminal stream, or undefined when it reports none: a pipe, or a pty whose size is
 * 0 (`stty cols 0`, some `script` and CI ptys) or not a number. Every use of the width goes
 * through here, so a 0 never reaches a division or an in-place redraw.
 */
export function terminalColumns(stream: OutStream): number | undefined {
  const c = stream.columns;
  return typeof c === 'number' && Number.isFinite(c) && c >= 1 ? Math.floor(c) : undefined;
}

/** The readable side: stdin, which may be a TTY (prompts) or a pipe (`-f -`, `--app-key-stdin`). */
export type InStream = Readable & { readonly isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };

/** Environment variables, read only through the context so tests can pin them. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Everything a command may touch in the outside world. The entry point builds the real one
 * (src/main.ts); tests build one with in-memory streams (makeContext in test/helpers/cli.ts).
 */
export interface Context {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly stdin: InStream;
  /** Real stream objects for libraries that need them (inquirer, ora); the same streams as above. */
  readonly rawStdout: Writable;
  readonly rawStderr: Writable;
  readonly env: Env;
  readonly cwd: string;
  readonly platform: NodeJS.Platform;
  /** The clock: every "now" in the CLI comes from here. */
  now(): Date;
  /** Waits, for retry backoff; tests replace it. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Aborted when the user presses Ctrl-C. */
  readonly signal: AbortSignal;
  /** The CLI version, for the user agent and `--version`. */
  readonly version: string;
  /** Parts of the factory replaced by a test or an embedding program (the prompter, credentials). */
  readonly replace?: Replaceable;
}
