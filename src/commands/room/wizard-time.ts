import type { Env } from '../../context.js';
import { parseDateTime, realDate } from '../../time.js';

/** A wall-clock reading in some time zone. */
interface Wall {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

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
 * The user's time zone: TZ from the environment (POSIX allows a leading ":"), else the system's.
 * An unknown TZ falls back to the system zone rather than failing, as other programs do.
 */
export function localZone(env: Env): string {
  const tz = env['TZ']?.replace(/^:/, '').trim();
  if (tz && knownZone(tz)) return tz;
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function wallClock(zone: string, instant: number): Wall {
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

const wallMs = (w: Wall) => Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
const sameWall = (a: Wall, b: Wall) => wallMs(a) === wallMs(b);

/** The instant a wall-clock time in `zone` names, or undefined when the clocks skip it (DST). */
function instantOf(wall: Wall, zone: string): Date | undefined {
  const guess = wallMs(wall);
  // The offset at the guess is right unless a change of offset lies between; a second pass fixes that.
  const first = guess - (wallMs(wallClock(zone, guess)) - guess);
  const second = guess - (wallMs(wallClock(zone, first)) - first);
  for (const t of [Math.min(first, second), Math.max(first, second)]) {
    if (sameWall(wallClock(zone, t), wall)) return new Date(t);
  }
  return undefined;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const RELATIVE = /^(today|tomorrow)\s+(?:at\s+)?(\d{1,2}):(\d{2})$/i;
const WITH_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Reads a start time typed in the user's zone: "YYYY-MM-DD HH:MM[:SS]", "today 15:00",
 * "tomorrow 9:30", or an ISO 8601 time with its own offset. Returns the instant or the rule broken.
 */
export function parseLocalTime(raw: string, zone: string, now: Date): Date | string {
  const text = raw.trim();
  const usage = `use "YYYY-MM-DD HH:MM" in your time zone (${zone}), or "tomorrow 15:00"`;
  if (text.includes('T') && WITH_ZONE.test(text)) return parseDateTime(text);
  let wall: Wall;
  const rel = RELATIVE.exec(text);
  const abs = rel ? null : LOCAL.exec(text);
  if (rel) {
    const today = wallClock(zone, now.getTime());
    const day = new Date(
      Date.UTC(today.y, today.mo - 1, today.d + (rel[1]?.toLowerCase() === 'tomorrow' ? 1 : 0)),
    );
    wall = {
      y: day.getUTCFullYear(),
      mo: day.getUTCMonth() + 1,
      d: day.getUTCDate(),
      h: Number(rel[2]),
      mi: Number(rel[3]),
      s: 0,
    };
  } else if (abs) {
    const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(abs[i] ?? 0)) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    wall = { y, mo, d, h, mi, s };
  } else {
    return usage;
  }
  if (!realDate(wall.y, wall.mo, wall.d, wall.h, wall.mi, wall.s))
    return `${text} is not a real date and time; ${usage}`;
  return (
    instantOf(wall, zone) ??
    `${text} does not exist in ${zone} (the clocks skip it that day); pick another time`
  );
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number) => String(n).padStart(2, '0');

/** "Tue 2026-12-01 09:30" in the zone; the weekday helps catch a wrong date at a glance. */
export function formatLocal(date: Date, zone: string): string {
  const w = wallClock(zone, date.getTime());
  const weekday = WEEKDAYS[new Date(wallMs(w)).getUTCDay()] as string;
  return `${weekday} ${w.y}-${pad(w.mo)}-${pad(w.d)} ${pad(w.h)}:${pad(w.mi)}${w.s ? `:${pad(w.s)}` : ''}`;
}

/** "2026-12-01 09:30", the form the start-time prompt accepts, for a default answer. */
export function formatLocalInput(date: Date, zone: string): string {
  return formatLocal(date, zone).slice(4);
}
