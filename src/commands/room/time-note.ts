import type { RoomBody } from '../../api/rooms.js';
import type { Factory } from '../../factory.js';
import { formatIsoUtc, localZone, offsetOf, parseDateTime, utcNote } from '../../lib/time.js';

/**
 * Flags take times in UTC, so a script means the same on every machine. When the user's zone (TZ
 * from the context, else the system's) shows another time, one note on stderr gives both, so
 * `--scheduled-time "2026-12-01 15:00"` typed in New York does not silently mean 10:00 there.
 */
export function noteScheduledTime(f: Factory, body: RoomBody): void {
  const time = body.settings?.['scheduled_time'];
  if (typeof time !== 'string') return;
  const at = parseDateTime(time);
  if (!(at instanceof Date)) return;
  const zone = localZone(f.env);
  const note = utcNote('--scheduled-time', at, zone);
  if (!note) return;
  const sameWall = `${formatIsoUtc(at).slice(0, -1)}${offsetOf(at, zone)}`;
  f.io.note(`Note: ${note}. Flags are UTC; to mean ${zone} time, give an offset: ${sameWall}.`);
}
