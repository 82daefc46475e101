import { formatLocal, parseDateTime, realDate, wallClock, wallMs, type Wall } from '../../time.js';

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
/** A time with its own zone (`Z`, `UTC`, an offset) is read as it says, whatever the local zone. */
const WITH_ZONE = /\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|UTC|[+-]\d{2}(:?\d{2})?)$/i;

/**
 * Reads a start time typed in the user's zone: "YYYY-MM-DD HH:MM[:SS]", "today 15:00",
 * "tomorrow 9:30", or an ISO 8601 time with its own offset. Returns the instant or the rule broken.
 */
export function parseLocalTime(raw: string, zone: string, now: Date): Date | string {
  const text = raw.trim();
  const usage = `use "YYYY-MM-DD HH:MM" in your time zone (${zone}), or "tomorrow 15:00"`;
  if (/^\d{4}-/.test(text) && WITH_ZONE.test(text)) return parseDateTime(text);
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

/** "2026-12-01 09:30", the form the start-time prompt accepts, for a default answer. */
export function formatLocalInput(date: Date, zone: string): string {
  return formatLocal(date, zone).slice(4);
}
