import type { Room } from '../../api/rooms.js';
import type { Runtime } from '../../runtime.js';
import { ROOM_COLUMNS } from './index.js';

/** The scheduled time's name in tables: the API's times are UTC, and a table should say so. */
const UTC_LABEL = 'scheduled_time (UTC)';

/** True when the output is the default table (no --fields): the one place labels may differ from keys. */
function labelled(rt: Runtime): boolean {
  return rt.globals.format === 'table' && !rt.globals.fields?.length;
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
export function printRoom(rt: Runtime, room: Room): void {
  rt.out.data(labelled(rt) ? withUtcLabel(idFirst(room)) : room, { idField: 'room_id' });
}

/** Prints a list of rooms as printRoom does, with the list's columns. */
export function printRooms(rt: Runtime, rooms: readonly Room[], empty: string): void {
  const table = labelled(rt);
  rt.out.data(table ? rooms.map(withUtcLabel) : rooms, {
    columns: table
      ? ROOM_COLUMNS.map((c) => (c === 'settings.scheduled_time' ? `settings.${UTC_LABEL}` : c))
      : ROOM_COLUMNS,
    idField: 'room_id',
    hideFirst: ['settings.participants', 'owner_ref', 'settings.mode'],
    empty,
  });
}
