import { UsageError } from '../lib/errors.js';

/** Conference numbers are digits (the API makes them; the emulator's are 8 digits). */
const CONF_NUM = /^\d{1,20}$/;

/** Checks --conf: a filter that cannot match anything is an error, not an empty result. */
export function checkConf(raw: string): string {
  const conf = raw.trim();
  if (!CONF_NUM.test(conf)) {
    throw new UsageError(
      `--conf "${raw}" is not a conference number: they are digits only (e.g. 10000042), so it could match nothing.`,
      'Find conference numbers with `enablex archive --from 7d --to today -q` or in `enablex cdr` records (conf_num).',
    );
  }
  return conf;
}

/**
 * Refuses a period that starts after today (UTC): no session can have happened in it yet, and a
 * script would otherwise read an empty list as "nothing happened".
 */
export function checkNotFuture(from: string, now: Date): void {
  const today = now.toISOString().slice(0, 10);
  if (from > today) {
    throw new UsageError(
      `--from ${from} is in the future (today is ${today} UTC): no session can have happened in that period yet.`,
      'Periods are UTC days; end it today or earlier, e.g. --from 7d --to today.',
    );
  }
}
