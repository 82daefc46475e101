import { conflict } from './errors.js';
import { participantLimit } from './room-rules.js';
import { toCount } from './room-settings.js';
import type { RoomRecord, State } from './state.js';
import { addMinutes, formatScheduledTime, parseScheduledTime } from './time.js';
import { own } from './own.js';

/** A scheduled room accepts tokens from this long before its start (NOTES.md picks 15, not 30). */
const EARLY_JOIN_MINUTES = 15;

/** When a scheduled room accepts tokens, or undefined for other rooms. */
function scheduledWindow(record: RoomRecord): { opens: Date; closes: Date } | undefined {
  const s = record.room.settings;
  if (s['scheduled'] !== true || typeof s['scheduled_time'] !== 'string') return undefined;
  const parsed = parseScheduledTime(s['scheduled_time']);
  if (!parsed.ok) return undefined;
  const duration = toCount(s['duration']) ?? 0;
  return { opens: addMinutes(parsed.at, -EARLY_JOIN_MINUTES), closes: addMinutes(parsed.at, duration) };
}

/**
 * Refuses a join outside the room's availability: scheduled rooms only in their window (10112
 * before it, 10111 after it), an adhoc room with a duration only that long after its first
 * session (10113). A session in progress keeps any room open, as the route page says.
 */
export function assertRoomOpen(state: State, record: RoomRecord, now: Date): void {
  if (own(state.sessions, record.room.room_id)) return;
  const window = scheduledWindow(record);
  if (window && now < window.opens) {
    throw conflict(
      '10112',
      `Beyond permissible cut-off time: tokens are given from ${formatScheduledTime(window.opens)} UTC, ` +
        `${EARLY_JOIN_MINUTES} minutes before the scheduled start`,
    );
  }
  if (window && now > window.closes) throw conflict('10111', 'Conference is over');
  const s = record.room.settings;
  const duration = toCount(s['duration']);
  if (s['adhoc'] === true && record.firstSessionAt && duration !== undefined) {
    if (now > addMinutes(new Date(record.firstSessionAt), duration)) {
      throw conflict('10113', 'Room is not active: its duration since the first session has passed');
    }
  }
}

/** How many people the room holds: audiences by `audiences`, the rest by moderators + participants. */
export function capacityOf(record: RoomRecord, audience: boolean): number {
  const s = record.room.settings;
  if (audience) return toCount(s['audiences']) ?? 0;
  return (toCount(s['moderators']) ?? 0) + (toCount(s['participants']) ?? participantLimit(s));
}

/**
 * Refuses a join when the live session is full (10114). Audiences count against `audiences`;
 * everyone else against moderators + participants (participants defaulting to the type's limit).
 */
export function assertRoomHasSpace(state: State, record: RoomRecord, role: string, joining = 1): void {
  const users = own(state.sessions, record.room.room_id)?.users ?? [];
  const audience = role === 'audience';
  const present = users.filter((u) => (u.role === 'audience') === audience).length;
  if (present + joining > capacityOf(record, audience)) throw conflict('10114', 'Room is full');
}
