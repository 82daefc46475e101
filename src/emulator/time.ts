/** Date helpers: the API speaks UTC `YYYY-MM-DD HH:MM:SS`, `YYYY-MM-DD` and ISO 8601. */

const MINUTE = 60_000;
/** Milliseconds in one day. */
export const DAY_MS = 86_400_000;

/** `minutes` later (or earlier, when negative). */
export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * MINUTE);
}

/** Outcome of reading a scheduled time: a date, or which documented error applies. */
type ScheduledParse = { ok: true; at: Date } | { ok: false; why: 'format' | 'unreadable' };

/** Reads `YYYY-MM-DD HH:MM:SS` (UTC); a well-formed but impossible date (2024-02-30) is "unreadable". */
export function parseScheduledTime(text: string): ScheduledParse {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) return { ok: false, why: 'format' };
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const at = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const same =
    at.getUTCFullYear() === y &&
    at.getUTCMonth() === mo - 1 &&
    at.getUTCDate() === d &&
    at.getUTCHours() === h &&
    at.getUTCMinutes() === mi &&
    at.getUTCSeconds() === s;
  return same ? { ok: true, at } : { ok: false, why: 'unreadable' };
}

/** Formats a date as the API's scheduled-time string. */
export function formatScheduledTime(at: Date): string {
  return at.toISOString().slice(0, 19).replace('T', ' ');
}

/** Reads a `YYYY-MM-DD` day as its UTC midnight, or undefined when it is not a real day. */
export function parseDay(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = m.slice(1).map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, mo - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d ? at : undefined;
}

/** The start of the UTC day holding `at`. */
export function startOfDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}
