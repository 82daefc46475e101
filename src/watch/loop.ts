import { CliError, ExitCode } from '../lib/errors.js';
import type { Factory } from '../factory.js';

/** The longest wait between tries while the server cannot be reached. */
const MAX_BACKOFF_MS = 60_000;

/** What one watch needs: how often, what to fetch, what to do with each result. */
export interface PollOptions<T> {
  intervalMs: number;
  fetch: () => Promise<T>;
  show: (value: T, at: Date) => void;
  /** Called before a line is written on stderr, so a redrawn frame can get out of its way. */
  beforeNotice?: () => void;
}

/** True for failures a later poll may get past: network, timeout, 5xx (exit 5). */
function isTransient(err: unknown): boolean {
  return err instanceof CliError && err.exitCode === ExitCode.NETWORK;
}

/** The first line of an error, for one stderr line. */
function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}

/**
 * Polls until Ctrl-C (the verb declares `stopSignalIsSuccess` so that is exit 0). Network and server failures are retried
 * with a doubling wait (said on stderr, and said again when the server answers); any other error
 * (credentials refused, room not found) ends the watch with its own exit code. Every wait goes
 * through the factory's clock and signal, so tests run instantly.
 */
export async function poll<T>(
  f: Pick<Factory, 'io' | 'clock' | 'signal'>,
  options: PollOptions<T>,
): Promise<void> {
  let failures = 0;
  while (!f.signal.aborted) {
    let wait = options.intervalMs;
    try {
      const value = await options.fetch();
      if (failures > 0) {
        options.beforeNotice?.();
        f.io.note(`Connected again after ${failures} failed ${failures === 1 ? 'try' : 'tries'}.`);
      }
      failures = 0;
      options.show(value, f.clock.now());
    } catch (err) {
      if (f.signal.aborted) return;
      if (!isTransient(err)) throw err;
      failures += 1;
      wait = Math.min(options.intervalMs * 2 ** failures, MAX_BACKOFF_MS);
      options.beforeNotice?.();
      f.io.warn(`${firstLine(err)} Still watching: next try in ${Math.round(wait / 1000)} s.`);
    }
    try {
      await f.clock.sleep(wait, f.signal);
    } catch {
      return;
    }
  }
}
