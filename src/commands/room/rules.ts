import { UsageError } from '../../lib/errors.js';
import { getPath } from '../../output/flatten.js';
import type { Room, RoomBody } from '../../api/rooms.js';
import { ROOM_SETTINGS } from './settings.js';

/** Participant limits of the route page, by room type and mode. */
export function participantLimit(
  scheduled: boolean,
  mode: string | undefined,
  talkers: number | undefined,
): number {
  if (scheduled) return mode === 'lecture' ? 1000 : 300;
  // About 1600 streams per room: participants x active talkers <= 1600; 200 when talkers are not given.
  return talkers ? Math.min(1000, Math.floor(1600 / talkers)) : 200;
}

/** The kind of a room in words: `permanent`, `scheduled` or `adhoc`. */
export function roomKind(settings: Readonly<Record<string, unknown>> | undefined): string {
  if (flagOn(settings?.['scheduled'])) return 'scheduled';
  if (flagOn(settings?.['adhoc'])) return 'adhoc';
  return 'permanent';
}

// Rooms from the API are typed loosely (NOTES.md): "true" and "10" as well as true and 10.
const flagOn = (v: unknown) => v === true || v === 'true';
const count = (v: unknown) =>
  typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v)) ? Number(v) : undefined;

/** What the rules are checking: a room about to be created, or a room as an update leaves it. */
export interface RuleContext {
  /** For an update: the flags given (only rules about them apply), and the room's id. */
  update?: { changed: ReadonlySet<string>; roomId: string };
}

/**
 * The rules that look at several settings together, over the room's settings as the API holds
 * them: the same rules for `room create` (the body) and `room update` (the room after the change).
 * On update, only rules about a changed flag apply, so a room that already breaks one (made
 * elsewhere) can still have its other settings changed. Throws a usage error naming the flag.
 */
export function checkRoomRules(settings: Readonly<Record<string, unknown>>, ctx: RuleContext = {}): void {
  const changed = ctx.update?.changed;
  const about = (...flags: string[]) => !changed || flags.some((f) => changed.has(f));
  const scheduled = flagOn(settings['scheduled']);
  const hasTime = settings['scheduled_time'] !== undefined;
  if (about('scheduled', 'adhoc') && scheduled && flagOn(settings['adhoc'])) {
    throw new UsageError(
      '--scheduled and --adhoc cannot be combined: a room is permanent, scheduled or adhoc.',
    );
  }
  if (about('scheduled', 'scheduled-time') && scheduled && !hasTime) {
    throw new UsageError(
      '--scheduled-time is required for a scheduled room ("YYYY-MM-DD HH:MM:SS" UTC, in the future).',
    );
  }
  if (about('scheduled', 'duration') && scheduled && settings['duration'] === undefined)
    throw new UsageError('--duration is required for a scheduled room (minutes, at least 10).');
  if (about('scheduled', 'scheduled-time') && !scheduled && hasTime) {
    if (!ctx.update)
      throw new UsageError('--scheduled-time needs --scheduled: only scheduled rooms have a start time.');
    throw new UsageError(
      `--scheduled-time: room ${ctx.update.roomId} is ${roomKind(settings)}, and only scheduled rooms have a start time.`,
      'A room cannot become scheduled: create a scheduled room with `enablex room create --scheduled`.',
    );
  }
  checkParticipants(settings, scheduled, about, ctx);
}

function checkParticipants(
  settings: Readonly<Record<string, unknown>>,
  scheduled: boolean,
  about: (...flags: string[]) => boolean,
  ctx: RuleContext,
): void {
  const participants = count(settings['participants']);
  if (participants === undefined || !about('participants', 'max-active-talkers', 'mode', 'scheduled')) return;
  const mode = typeof settings['mode'] === 'string' ? settings['mode'] : undefined;
  const talkers = count(settings['max_active_talkers']) || undefined;
  const limit = participantLimit(scheduled, mode, talkers);
  if (participants <= limit) return;
  const kind = scheduled
    ? `a scheduled ${mode === 'lecture' ? 'lecture' : 'group'} room`
    : talkers
      ? `a room with ${talkers} active talkers`
      : 'a permanent or adhoc room';
  if (ctx.update && !ctx.update.changed.has('participants')) {
    throw new UsageError(
      `--max-active-talkers: ${kind} allows at most ${limit} participants, and room ${ctx.update.roomId} allows ${participants}.`,
      `Lower the participants too: add --participants ${limit}.`,
    );
  }
  throw new UsageError(`--participants must be between 1 and ${limit} for ${kind} (got ${participants}).`);
}

/** The setting flags an update body sets (a --file key counts as its flag). */
export function changedFlags(body: RoomBody): Set<string> {
  return new Set(ROOM_SETTINGS.filter((s) => getPath(body, s.path) !== undefined).map((s) => s.flag));
}

/** Checks a room as an update leaves it, by create's rules for the flags the update gives. */
export function checkUpdatedRoom(after: Room, given: RoomBody): void {
  checkRoomRules(after.settings ?? {}, { update: { changed: changedFlags(given), roomId: after.room_id } });
}
