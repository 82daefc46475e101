import { unexpectedShape } from './errors.js';
import type { Http } from './http.js';
import { paths } from './paths.js';

/** A room as the API returns it. Typed loosely: counts may be strings, flags may be odd (NOTES.md). */
export interface Room {
  room_id: string;
  name?: string;
  owner_ref?: string;
  settings?: Record<string, unknown>;
  sip?: Record<string, unknown>;
  data?: Record<string, unknown>;
  created?: string;
  [key: string]: unknown;
}

/** The body of POST /rooms and PATCH /rooms/{id}. */
export interface RoomBody {
  name?: string;
  owner_ref?: string;
  settings?: Record<string, unknown>;
  sip?: { enabled?: boolean };
  data?: Record<string, string>;
}

function roomFrom(body: unknown, what: string): Room {
  const room = (body as { room?: unknown } | undefined)?.room;
  if (!room || typeof room !== 'object' || typeof (room as Room).room_id !== 'string') {
    throw unexpectedShape(what, 'the answer holds no room');
  }
  return room as Room;
}

/** POST /rooms */
export async function createRoom(http: Http, body: RoomBody): Promise<Room> {
  return roomFrom(await http.request({ method: 'POST', path: paths.rooms(), json: body }), 'POST /rooms');
}

/** GET /rooms (the API documents no paging: it returns every room). */
export async function listRooms(http: Http): Promise<Room[]> {
  const body = await http.request<{ rooms?: unknown }>({ method: 'GET', path: paths.rooms() });
  const rooms = body?.rooms;
  if (rooms === undefined || rooms === null) return [];
  if (!Array.isArray(rooms)) throw unexpectedShape('GET /rooms', '"rooms" is not a list');
  return rooms as Room[];
}

/** GET /rooms/{id} */
export async function getRoom(http: Http, roomId: string): Promise<Room> {
  return roomFrom(await http.request({ method: 'GET', path: paths.room(roomId) }), `GET /rooms/${roomId}`);
}

/** PATCH /rooms/{id} with only the keys to change; the room when the answer echoes it (the docs show only `result`). */
export async function updateRoom(http: Http, roomId: string, patch: RoomBody): Promise<Room | undefined> {
  const body = await http.request<{ room?: unknown }>({
    method: 'PATCH',
    path: paths.room(roomId),
    json: patch,
  });
  const room = body?.room;
  return room && typeof room === 'object' && typeof (room as Room).room_id === 'string'
    ? (room as Room)
    : undefined;
}

/** DELETE /rooms/{id} */
export async function deleteRoom(http: Http, roomId: string): Promise<void> {
  await http.request({ method: 'DELETE', path: paths.room(roomId) });
}
