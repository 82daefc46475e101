import type { Room, RoomBody } from '../../api/rooms.js';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One nested object of a PATCH that was merged with the room's current one. */
interface MergedObject {
  /** Dotted path in the body: `data`, `settings.role_based_recording`. */
  path: string;
  /** Keys kept from the room as it was (not given by the user). */
  kept: string[];
}

/** A PATCH body whose nested objects hold the room's other keys too, and what was merged. */
interface MergedUpdate {
  body: RoomBody;
  merged: MergedObject[];
}

/** The room's current value of a nested setting as an object (old rooms may hold `live_recording: true`). */
function currentNested(settings: Record<string, unknown> | undefined, key: string): Record<string, unknown> {
  const value = settings?.[key];
  if (isRecord(value)) return value;
  if (key === 'live_recording' && typeof value === 'boolean') return { auto_recording: value };
  return {};
}

function mergeOne(
  path: string,
  current: Record<string, unknown>,
  given: Record<string, unknown>,
  merged: MergedObject[],
): Record<string, unknown> {
  const kept = Object.keys(current).filter((k) => !Object.hasOwn(given, k));
  if (kept.length) merged.push({ path, kept });
  return { ...current, ...given };
}

/**
 * The API merges the top-level keys of `settings` on PATCH, but replaces a nested object whole:
 * `data: {c}` would drop the room's other data keys, `role_based_recording: {moderator}` its
 * participant setting. So every nested object in the body is sent merged over the room's current
 * one. `sip` is sent as given: `enabled` is its only setting (`pin` and `meeting_id` are the API's own).
 * Pure: the same room and body give the same result.
 */
export function mergeUpdate(current: Room, body: RoomBody): MergedUpdate {
  const merged: MergedObject[] = [];
  const out: RoomBody = { ...body };
  if (body.settings) {
    const settings: Record<string, unknown> = { ...body.settings };
    for (const [key, value] of Object.entries(body.settings)) {
      if (isRecord(value))
        settings[key] = mergeOne(`settings.${key}`, currentNested(current.settings, key), value, merged);
    }
    out.settings = settings;
  }
  if (body.data) {
    const data = isRecord(current.data) ? current.data : {};
    // The room's own data values go back as the API gave them (they may not be strings).
    out.data = mergeOne('data', data, body.data, merged) as Record<string, string>;
  }
  return { body: out, merged };
}

/** The room as it will be once the (merged) PATCH body is applied: what `room update` prints. */
export function applyUpdate(current: Room, body: RoomBody): Room {
  const room: Room = { ...current };
  if (body.name !== undefined) room.name = body.name;
  if (body.owner_ref !== undefined) room.owner_ref = body.owner_ref;
  if (body.settings) room.settings = { ...current.settings, ...body.settings };
  if (body.sip) room.sip = { ...current.sip, ...body.sip };
  if (body.data) room.data = body.data;
  return room;
}

/** One line per merged object for --dry-run: `data (keeps a, b from the room)`. */
export function describeMerge(merged: readonly MergedObject[]): string[] {
  return merged.map((m) => `${m.path} (keeps ${m.kept.join(', ')} from the room)`);
}
