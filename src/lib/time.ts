/** Environment variables, as the caller reads them (only TZ is looked at). */
type Env = Readonly<Record<string, string | undefined>>;

/** `YYYY-MM-DD HH:MM:SS` in UTC, the format the API wants for scheduled_time. */
export function formatUtc(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** `YYYY-MM-DDTHH:MM:SSZ`: UTC that reads the same on every machine (commands printed for copying). */
export function formatIsoUtc(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
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

/** Date, `T` or a space, time, then an optional zone: `Z`, `UTC`, `+05:30`, `+0530` or `+05`. */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})([T ])(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?))?$/i;

/**
 * Parses a scheduled time: `YYYY-MM-DD HH:MM[:SS]` read as UTC (so a script means the same on every
 * machine), or with its own zone: `Z`, `UTC` or an offset (`2026-12-01T15:00:00+01:00`,
 * `2026-12-01 15:00 -05:00`). A `T` time without a zone is refused: ISO 8601 reads it as local time.
 * Returns the instant, or a message naming the rule that failed.
 */
export function parseDateTime(raw: string): Date | string {
  const value = raw.trim();
  const m = DATE_TIME.exec(value);
  if (!m) {
    return 'use "YYYY-MM-DD HH:MM:SS" (UTC) or ISO 8601 with an offset, e.g. 2026-12-01T15:00:00+01:00';
  }
  const zone = m[8]?.toUpperCase();
  if (m[4] === 'T' && zone === undefined)
    return 'an ISO time needs Z or an offset such as +05:30 (or use "YYYY-MM-DD HH:MM:SS", read as UTC)';
  const [y, mo, d, h, mi, s] = [1, 2, 3, 5, 6, 7].map((i) => Number(m[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!realDate(y, mo, d, h, mi, s)) return `${value} is not a real date and time`;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  if (zone === undefined || zone === 'Z' || zone === 'UTC') return new Date(utc);
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || 0);
  if (minutes > 59) return `the offset ${zone} is not a real offset (minutes 00-59)`;
  const offsetMin = sign * (hours * 60 + minutes);
  if (Math.abs(offsetMin) > 14 * 60) return `the offset ${zone} is outside -14:00..+14:00`;
  return new Date(utc - offsetMin * 60_000);
}

/** True when Intl knows the zone name. */
function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The user's time zone: TZ from the context's environment (POSIX allows a leading ":"), else the
 * system's as Intl sees it. An unknown TZ falls back to the system zone rather than failing, as
 * other programs do.
 */
export function localZone(env: Env): string {
  const tz = env['TZ']?.replace(/^:/, '').trim();
  if (tz && knownZone(tz)) return tz;
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A wall-clock reading in some time zone. */
export interface Wall {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** What the clocks in `zone` show at an instant. */
export function wallClock(zone: string, instant: number): Wall {
  let fmt = formatters.get(zone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, fmt);
  }
  const parts = Object.fromEntries(fmt.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const n = (k: string) => Number(parts[k]);
  return { y: n('year'), mo: n('month'), d: n('day'), h: n('hour'), mi: n('minute'), s: n('second') };
}

/** A wall-clock reading as milliseconds, as if it were UTC (to compare readings). */
export const wallMs = (w: Wall): number => Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number) => String(n).padStart(2, '0');

/** "Tue 2026-12-01 09:30" in the zone; the weekday helps catch a wrong date at a glance. */
export function formatLocal(date: Date, zone: string): string {
  const w = wallClock(zone, date.getTime());
  const weekday = WEEKDAYS[new Date(wallMs(w)).getUTCDay()] as string;
  return `${weekday} ${w.y}-${pad(w.mo)}-${pad(w.d)} ${pad(w.h)}:${pad(w.mi)}${w.s ? `:${pad(w.s)}` : ''}`;
}

/**
 * True when the zone's clocks show UTC at that instant (UTC itself, or London in winter).
 * @internal Exported for its table test: the rule itself is what the test checks.
 */
export function showsUtc(date: Date, zone: string): boolean {
  return wallMs(wallClock(zone, date.getTime())) === Math.floor(date.getTime() / 1000) * 1000;
}

/** The zone's offset from UTC at an instant, as ISO 8601 writes it: `-05:00`, `+05:30`. */
export function offsetOf(date: Date, zone: string): string {
  const minutes = Math.round((wallMs(wallClock(zone, date.getTime())) - date.getTime()) / 60_000);
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * One line saying what a UTC time on a flag is in the user's zone, or undefined when that zone
 * shows UTC anyway: `--scheduled-time: Tue 2026-12-01 15:00 UTC = Tue 2026-12-01 10:00 America/New_York`.
 */
export function utcNote(flag: string, date: Date, zone: string): string | undefined {
  if (showsUtc(date, zone)) return undefined;
  return `${flag}: ${formatLocal(date, 'UTC')} UTC = ${formatLocal(date, zone)} ${zone}`;
}
