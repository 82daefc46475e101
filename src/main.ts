import { readFileSync } from 'node:fs';
import { run } from './cli.js';
import { realSleep, type Context } from './context.js';

/** The CLI version, read once from package.json. */
function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/**
 * The composition root: builds the real context from this process and runs the CLI. The first
 * Ctrl-C aborts the running command (which cleans up and exits 130); a second one exits at once.
 */
export async function main(argv: string[]): Promise<number> {
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupts += 1;
    if (interrupts > 1) process.exit(130);
    controller.abort(new Error(`received ${signal}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // A closed pipe (`enablex room list | head -1`) is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
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
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
