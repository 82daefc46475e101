import { listRooms, type Room } from '../api/rooms.js';
import type { ReportFilter } from '../api/paths.js';
import { CliError, ExitCode, UsageError } from '../lib/errors.js';
import type { Factory } from '../factory.js';
import { checkId } from '../lib/validate.js';

/** A room id as the API makes them: 24 hex digits (a MongoDB ObjectId). */
const ROOM_ID = /^[0-9a-f]{24}$/i;
/** Longest room reference accepted (a name is free text, but not a file). */
const MAX_REF = 256;

/**
 * True when `value` is used as a room id as is, with no lookup.
 * @internal Exported for its table test: the rule itself is what the test checks.
 */
export function isRoomId(value: string): boolean {
  return ROOM_ID.test(value);
}

/**
 * Checks a room reference before anything is sent: an id or a name, not empty, no control
 * characters. A name never goes into a URL: only the id it resolves to does.
 */
export function checkRoomRef(value: string | undefined, what: string): string {
  const v = value ?? '';
  if (v.trim() === '') throw new UsageError(`${what} is empty: give a room id or a room name.`);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (v.length > MAX_REF || /[\u0000-\u001f\u007f]/.test(v)) {
    throw new UsageError(
      `${what} "${v.slice(0, 40)}" is neither a room id nor a room name: at most ${MAX_REF} characters, no control characters.`,
    );
  }
  return v;
}

/**
 * Resolves room references to ids. A 24-hex id is used as is (no request); anything else is looked
 * up with one GET /rooms for all of them and matched by exact name (or, failing that, an exact
 * room_id, for servers with other id shapes). Several rooms with the name: exit 2 listing them; none:
 * exit 4.
 */
export async function resolveRoomRefs(
  f: Factory,
  values: readonly string[],
  what: string,
): Promise<string[]> {
  const refs = values.map((v) => checkRoomRef(v, what));
  if (refs.every(isRoomId)) return refs;
  const http = await f.http();
  const rooms = await listRooms(http);
  return refs.map((ref) => (isRoomId(ref) ? ref : pick(f, rooms, ref, what)));
}

/** One room reference to its id (see resolveRoomRefs). */
export async function resolveRoomRef(f: Factory, value: string | undefined, what: string): Promise<string> {
  const [id] = await resolveRoomRefs(f, [value ?? ''], what);
  return id as string;
}

/** A report filter whose --room may be a name, with that name replaced by the room's id. */
export async function resolveFilterRoom(f: Factory, filter: ReportFilter): Promise<ReportFilter> {
  if (filter.by !== 'room' && filter.by !== 'room-period') return filter;
  return { ...filter, room: await resolveRoomRef(f, filter.room, '--room') };
}

function pick(f: Factory, rooms: readonly Room[], ref: string, what: string): string {
  const named = rooms.filter((r) => r.name === ref);
  const matches = named.length > 0 ? named : rooms.filter((r) => r.room_id === ref);
  if (matches.length > 1) {
    const list = matches.map((r) => `  ${r.room_id}  owner_ref ${r.owner_ref ?? '-'}`).join('\n');
    throw new UsageError(
      `${what} "${ref}" names ${matches.length} rooms:\n${list}`,
      'Give the room id instead of the name.',
    );
  }
  const room = matches[0];
  if (!room) {
    throw new CliError(
      `${what} "${ref}": no room has this name (or id).`,
      ExitCode.NOT_FOUND,
      `Names are matched exactly, case included; see them with \`enablex room list --name "${ref}"\`.`,
    );
  }
  const id = checkId(room.room_id, `the room_id of "${ref}"`);
  if (named.length > 0) f.io.note(`Room "${ref}" is ${id}.`);
  return id;
}
