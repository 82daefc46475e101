/** Two digits. */
const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD HH:MM:SS` in UTC, as the API stores a scheduled time. */
export function apiTime(d: Date): string {
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * The same instant written in ISO 8601 with a UTC offset, e.g. `2026-12-02T20:30:00+05:30`, so a
 * test can check the CLI converts it to UTC.
 */
export function isoWithOffset(d: Date, offsetMinutes: number): string {
  const local = new Date(d.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local.toISOString().slice(0, 19)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** A whole minute `days` days from now (scheduled rooms must start in the future). */
export function daysAhead(days: number): Date {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCSeconds(0, 0);
  return d;
}
