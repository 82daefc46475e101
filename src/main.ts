import { readFileSync } from 'node:fs';
import { run } from './cli.js';
import type { Context, OutStream } from './context.js';
import { realSleep } from './lib/sleep.js';
import { ExitCode } from './lib/errors.js';
import { removeAllTempFilesSync } from './lib/fs/temp-registry.js';

/** The CLI version, read once from package.json (one folder up from dist/, two from dist/bundle/). */
function readVersion(): string {
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'enablex-cli') return pkg.version ?? '0.0.0';
    } catch {
      // Not there: try the next folder up.
    }
  }
  return '0.0.0';
}

/** How the process hooks end the run; tests pass a recorder instead of process.exit. */
export type Exit = (code: number) => void;

const processExit: Exit = (code) => process.exit(code);

/**
 * The SIGINT/SIGTERM/SIGHUP handler (a closed terminal or SSH session sends SIGHUP, whose default
 * would kill the process with its temp files still on disk). The first signal aborts the running command (which cleans up and
 * exits 130); a second one exits at once, removing the registered temp files first, synchronously,
 * because the async cleanups will never run.
 */
export function interruptHandler(
  controller: AbortController,
  exit: Exit = processExit,
): (signal: NodeJS.Signals) => void {
  let interrupts = 0;
  return (signal) => {
    interrupts += 1;
    if (interrupts > 1) {
      removeAllTempFilesSync();
      return exit(ExitCode.INTERRUPTED);
    }
    controller.abort(new Error(`received ${signal}`));
  };
}

/**
 * The handler of write errors on stdout. A closed pipe (`enablex room list | head -1`) is not an
 * error worth a word: exit quietly with the code so far. Anything else (a full disk, EIO) must not
 * pass silently as success: one line on stderr and exit 5.
 */
export function stdoutErrorHandler(
  exit: Exit = processExit,
  stderr: OutStream = process.stderr,
): (err: NodeJS.ErrnoException) => void {
  return (err) => {
    if (err.code === 'EPIPE') return exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    stderr.write(`Error: cannot write to standard output: ${err.message.split('\n')[0]}\n`);
    exit(ExitCode.NETWORK);
  };
}

/**
 * The handler of write errors on stderr. A closed pipe (`enablex … 2>&1 >/dev/null | head -1`)
 * must not end the run: the messages had nowhere to go, the command's work and its exit code
 * stand. Other errors are dropped too: there is nowhere left to report them.
 */
export function stderrErrorHandler(): (err: NodeJS.ErrnoException) => void {
  return () => undefined;
}

/** The signals that stop a run cleanly. */
export const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** The composition root: builds the real context from this process and runs the CLI. */
export async function main(argv: string[]): Promise<number> {
  const controller = new AbortController();
  const onSignal = interruptHandler(controller);
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.stdout.on('error', stdoutErrorHandler());
  process.stderr.on('error', stderrErrorHandler());
  const ctx: Context = {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    rawStdout: process.stdout,
    rawStderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    platform: process.platform,
    now: () => new Date(),
    sleep: realSleep,
    signal: controller.signal,
    version: readVersion(),
  };
  try {
    return await run(argv, ctx);
  } finally {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  }
}
