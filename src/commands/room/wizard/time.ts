import { formatLocal, parseDateTime, realDate, wallClock, wallMs, type Wall } from '../../../lib/time.js';

const sameWall = (a: Wall, b: Wall) => wallMs(a) === wallMs(b);

/** Minutes east of UTC that `zone` reads at `instant`. */
function offsetAt(zone: string, instant: number): number {
  return (wallMs(wallClock(zone, instant)) - instant) / 60_000;
}

/**
 * Every instant a wall-clock time in `zone` names: one as a rule, two in the hour the clocks go
 * back (daylight saving ends), none in the hour they skip (it begins). Offsets are tried from a
 * day before to a day after, which covers every change of offset on record.
 */
function instantsOf(wall: Wall, zone: string): number[] {
  const guess = wallMs(wall);
  const offsets = new Set([-86_400_000, 0, 86_400_000].map((d) => offsetAt(zone, guess + d)));
  const found = [...offsets]
    .map((off) => guess - off * 60_000)
    .filter((t) => sameWall(wallClock(zone, t), wall));
  return [...new Set(found)].sort((a, b) => a - b);
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
/** A time of day: "15:00", "9:30", "9am", "9:30 pm". */
const CLOCK = String.raw`(\d{1,2})(?::(\d{2}))?\s*([ap]\.?m\.?)?`;
const RELATIVE = new RegExp(String.raw`^(today|tomorrow)\s+(?:at\s+)?${CLOCK}$`, 'i');
const BARE = new RegExp(String.raw`^(?:at\s+)?${CLOCK}$`, 'i');
/** A time with its own zone (`Z`, `UTC`, an offset) is read as it says, whatever the local zone. */
const WITH_ZONE = /\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|UTC|[+-]\d{2}(:?\d{2})?)$/i;

/** Hours and minutes of a time of day, or undefined when it is not one (25:00, 13pm, "9"). */
function clockOf(h: string | undefined, mi: string | undefined, meridiem: string | undefined) {
  let hours = Number(h);
  const minutes = mi === undefined ? 0 : Number(mi);
  if (mi === undefined && meridiem === undefined) return undefined;
  if (meridiem !== undefined) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (meridiem.toLowerCase().startsWith('p') ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) return undefined;
  return { hours, minutes };
}

/** The date `days` after today in `zone`, at a time of day. */
function dayAt(zone: string, now: Date, days: number, clock: { hours: number; minutes: number }): Wall {
  const today = wallClock(zone, now.getTime());
  const day = new Date(Date.UTC(today.y, today.mo - 1, today.d + days));
  return {
    y: day.getUTCFullYear(),
    mo: day.getUTCMonth() + 1,
    d: day.getUTCDate(),
    h: clock.hours,
    mi: clock.minutes,
    s: 0,
  };
}

/** How a typed start time reads: one instant (and which day a bare time means), two, or an error. */
export type StartReading =
  | { kind: 'at'; at: Date; day?: 'today' | 'tomorrow' }
  | { kind: 'ambiguous'; text: string; instants: [Date, Date] }
  | { kind: 'error'; message: string };

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * Reads a start time typed in the user's zone: "YYYY-MM-DD HH:MM[:SS]", "today 15:00",
 * "tomorrow 9am", a bare "23:30" (today, or tomorrow once it has passed), or an ISO 8601 time with
 * its own offset. A time the clocks pass twice is `ambiguous`; one they skip is an error.
 */
export function readStartTime(raw: string, zone: string, now: Date): StartReading {
  const text = raw.trim();
  const usage = `use "YYYY-MM-DD HH:MM" in your time zone (${zone}), "23:30" or "tomorrow 9am"`;
  if (/^\d{4}-/.test(text) && WITH_ZONE.test(text)) {
    const at = parseDateTime(text);
    return typeof at === 'string' ? { kind: 'error', message: at } : { kind: 'at', at };
  }
  let wall: Wall;
  let day: 'today' | 'tomorrow' | undefined;
  const rel = RELATIVE.exec(text);
  const bare = rel ? null : BARE.exec(text);
  const abs = rel || bare ? null : DATE_TIME.exec(text);
  if (rel || bare) {
    const m = (rel ?? bare) as RegExpExecArray;
    const at = rel ? 2 : 1;
    const clock = clockOf(m[at], m[at + 1], m[at + 2]);
    if (!clock) return { kind: 'error', message: `${text} is not a time of day; ${usage}` };
    if (rel) {
      wall = dayAt(zone, now, rel[1]?.toLowerCase() === 'tomorrow' ? 1 : 0, clock);
    } else {
      // A bare time means the next time the clock shows it: today, or tomorrow once it has passed.
      wall = dayAt(zone, now, 0, clock);
      const todays = instantsOf(wall, zone);
      day = todays.length > 0 && todays.every((t) => t <= now.getTime()) ? 'tomorrow' : 'today';
      if (day === 'tomorrow') wall = dayAt(zone, now, 1, clock);
    }
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
    return { kind: 'error', message: usage };
  }
  if (!realDate(wall.y, wall.mo, wall.d, wall.h, wall.mi, wall.s))
    return { kind: 'error', message: `${text} is not a real date and time; ${usage}` };
  const found = instantsOf(wall, zone);
  if (found.length === 0) {
    const guess = wallMs(wall);
    const jump = offsetAt(zone, guess + 86_400_000) - offsetAt(zone, guess - 86_400_000);
    const after = new Date(guess + Math.max(jump, 60) * 60_000);
    const suggestion = `${pad2(after.getUTCHours())}:${pad2(after.getUTCMinutes())}`;
    return {
      kind: 'error',
      message:
        `${text} does not exist in ${zone}: the clocks go forward ${Math.abs(jump)} minutes that night ` +
        `(daylight saving time) and skip it; pick a time outside the gap, such as ${suggestion}`,
    };
  }
  const [first, second] = found;
  if (second !== undefined)
    return { kind: 'ambiguous', text, instants: [new Date(first!), new Date(second)] };
  return { kind: 'at', at: new Date(first!), ...(day ? { day } : {}) };
}

/** "UTC-04:00": the offset the zone reads at an instant. */
export function offsetLabel(zone: string, at: Date): string {
  const off = offsetAt(zone, at.getTime());
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  return `UTC${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** "2026-12-01 09:30", the form the start-time prompt accepts, for a default answer. */
export function formatLocalInput(date: Date, zone: string): string {
  return formatLocal(date, zone).slice(4);
}
