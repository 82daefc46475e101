/** `YYYY-MM-DD HH:MM:SS` in UTC, the format the API wants for scheduled_time. */
export function formatUtc(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** True when the parts name a real calendar day and time (no Feb 30, no 24:00). */
export function realDate(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): boolean {
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return (
    t.getUTCFullYear() === y &&
    t.getUTCMonth() === mo - 1 &&
    t.getUTCDate() === d &&
    t.getUTCHours() === h &&
    t.getUTCMinutes() === mi &&
    t.getUTCSeconds() === s
  );
}

const PLAIN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/;
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Parses a scheduled time: `YYYY-MM-DD HH:MM[:SS]` read as UTC, or ISO 8601 with `Z` or an offset.
 * Returns the instant, or a message naming the rule that failed.
 */
export function parseDateTime(raw: string): Date | string {
  const value = raw.trim();
  const plain = PLAIN.exec(value);
  const iso = plain ? null : ISO_WITH_OFFSET.exec(value);
  const m = plain ?? iso;
  if (!m) {
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?$/.test(value)
      ? 'an ISO time needs Z or an offset such as +05:30 (or use "YYYY-MM-DD HH:MM:SS", read as UTC)'
      : 'use "YYYY-MM-DD HH:MM:SS" (UTC) or ISO 8601 with an offset, e.g. 2026-12-01T15:00:00+01:00';
  }
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!realDate(y, mo, d, h, mi, s)) return `${value} is not a real date and time`;
  if (plain) return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const zone = (m[7] ?? 'Z').toUpperCase();
  const offsetMin =
    zone === 'Z'
      ? 0
      : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  if (Math.abs(offsetMin) > 14 * 60) return `the offset ${zone} is outside -14:00..+14:00`;
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s) - offsetMin * 60_000);
}
