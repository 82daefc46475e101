import type { RoomBody } from '../../api/rooms.js';
import { CliError, UsageError } from '../../lib/errors.js';
import { buildCreateBody } from './body.js';
import { ROOM_SETTINGS } from './settings.js';
import { checkFileData } from './file-data.js';

/** One room of a rooms file, checked and shaped as the body `room create` would send. */
export interface DesiredRoom {
  /** Its place in the file (0-based), for messages. */
  index: number;
  name: string;
  owner_ref: string;
  /** The checked body: counts as strings, enums in their case, times as UTC `YYYY-MM-DD HH:MM:SS`. */
  body: RoomBody;
}

/**
 * Values are checked with `now` at the epoch: a scheduled time in the past is a fact about a room
 * that already happened, not a typo, so the plan reports it rather than the file check refusing it.
 */
const CHECK_EPOCH = new Date(0);

const FLAG_TO_KEY = new Map<string, string>([
  ...ROOM_SETTINGS.map((s) => [s.flag, s.path] as [string, string]),
  ['name', 'name'],
  ['owner-ref', 'owner_ref'],
  ['data', 'data'],
]);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Body messages name flags (`--participants`); in a rooms file the key is what the user wrote. */
export function keysForFlags(message: string): string {
  return message
    .replace(/^--file:?\s*/, '')
    .replace(/--(?:no-)?([a-z][a-z-]*)/g, (whole, flag: string) => FLAG_TO_KEY.get(flag) ?? whole);
}

/** `rooms[2] "Town hall" (owner_ref hr)`: how messages point at one room of the file. */
function label(entry: unknown, index: number): string {
  const at = `rooms[${index}]`;
  if (!isRecord(entry)) return at;
  const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  const name = text(entry['name']);
  const owner = text(entry['owner_ref']);
  return `${at}${name ? ` "${name}"` : ''}${owner ? ` (owner_ref ${owner})` : ''}`;
}

/** The list of rooms in a parsed file: `{rooms: [...]}`, a bare list, or one room body (a wizard file). */
function entriesOf(doc: unknown, source: string): unknown[] {
  if (Array.isArray(doc)) return doc;
  if (!isRecord(doc))
    throw new UsageError(
      `${source}: a rooms file holds "rooms:" with a list of rooms (see examples/rooms.yaml).`,
    );
  if ('rooms' in doc) {
    const extra = Object.keys(doc).filter((k) => k !== 'rooms');
    if (extra.length)
      throw new UsageError(`${source}: unknown top-level key "${extra[0]}"; a rooms file has only "rooms".`);
    if (doc['rooms'] === null || doc['rooms'] === undefined) return [];
    if (!Array.isArray(doc['rooms'])) throw new UsageError(`${source}: "rooms" must be a list of rooms.`);
    return doc['rooms'] as unknown[];
  }
  // One room body, as `room create -i` saves it.
  return [doc];
}

/** Checks one room with the rules of `room create --file`; returns it or the message naming its key. */
function checkOne(entry: unknown, index: number): DesiredRoom | string {
  if (!isRecord(entry)) return 'must be an object with name, owner_ref and settings';
  try {
    const body = buildCreateBody({ flags: new Map(), file: checkFileData(entry), now: CHECK_EPOCH });
    return { index, name: body.name as string, owner_ref: body.owner_ref as string, body };
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    return keysForFlags(err.message);
  }
}

/**
 * Checks a whole rooms file before anything is sent: every room by the rules of `room create`, and
 * no two rooms with the same name and owner_ref. Every problem is reported at once (exit 2).
 */
export function parseRoomsFile(doc: unknown, source: string): DesiredRoom[] {
  const problems: string[] = [];
  const rooms: DesiredRoom[] = [];
  const seen = new Map<string, number>();
  entriesOf(doc, source).forEach((entry, index) => {
    const checked = checkOne(entry, index);
    if (typeof checked === 'string') {
      problems.push(`${label(entry, index)}: ${checked}`);
      return;
    }
    const key = identityKey(checked.name, checked.owner_ref);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(
        `${label(entry, index)}: the same name and owner_ref as rooms[${first}]; a room is known by both, so each pair may appear once.`,
      );
      return;
    }
    seen.set(key, index);
    rooms.push(checked);
  });
  if (problems.length === 1) throw new UsageError(`${source}: ${problems[0]}`);
  if (problems.length > 1)
    throw new UsageError(
      `${source} has ${problems.length} problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      'Fix them and run again; nothing was sent.',
    );
  return rooms;
}

/** The identity a file room and a live room are matched by: name and owner_ref, trimmed. */
export function identityKey(name: unknown, ownerRef: unknown): string {
  return `${String(ownerRef ?? '').trim()}\u0000${String(name ?? '').trim()}`;
}
