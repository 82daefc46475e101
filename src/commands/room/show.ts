import type { Room } from '../../api/rooms.js';
import type { Factory } from '../../factory.js';

/** The scheduled time's name in tables: the API's times are UTC, and a table should say so. */
const UTC_LABEL = 'scheduled_time (UTC)';

/** True when the output is the default table (no --fields): the one place labels may differ from keys. */
function labelled(f: Factory): boolean {
  return f.options.format === 'table' && !f.options.fields?.length;
}

/** A copy of the room whose settings.scheduled_time is named `scheduled_time (UTC)`, in place. */
function withUtcLabel(room: Room): Room {
  const settings = room.settings;
  if (!settings || !Object.hasOwn(settings, 'scheduled_time')) return room;
  const renamed = Object.fromEntries(
    Object.entries(settings).map(([k, v]) => [k === 'scheduled_time' ? UTC_LABEL : k, v]),
  );
  return { ...room, settings: renamed };
}

/** The room with room_id as its first key, so a table of one room starts with it. */
function idFirst(room: Room): Room {
  const { room_id, ...rest } = room;
  return { room_id, ...rest };
}

/** Prints one room: a table starts with room_id and labels the scheduled time as UTC; other formats keep the API's keys. */
export function printRoom(f: Factory, room: Room): void {
  f.io.data(labelled(f) ? withUtcLabel(idFirst(room)) : room, { idField: 'room_id' });
}

/** Prints a list of rooms as printRoom does, with the verb's columns (`room list`'s spec). */
export function printRooms(f: Factory, rooms: readonly Room[], empty: string): void {
  const table = labelled(f);
  const columns = f.verb.columns ?? [];
  f.io.data(table ? rooms.map(withUtcLabel) : rooms, {
    columns: table
      ? columns.map((c) => (c === 'settings.scheduled_time' ? `settings.${UTC_LABEL}` : c))
      : columns,
    idField: 'room_id',
    hideFirst: ['settings.participants', 'owner_ref', 'settings.mode'],
    empty,
  });
}
