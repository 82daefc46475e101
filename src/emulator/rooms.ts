import { EMULATOR_CODES, conflict, roomNotFound } from './errors.js';
import { objectId } from './ids.js';
import type { Json } from './json.js';
import { buildRoom, createdEcho, patchRoom } from './room-rules.js';
import type { ApiRoom, RoomRecord, State } from './state.js';
import { own } from './own.js';

/** Every room, oldest first (GET /rooms has no paging or filters). */
export function listRooms(state: State): ApiRoom[] {
  return Object.values(state.rooms)
    .map((r) => r.room)
    .sort((a, b) => a.created.localeCompare(b.created) || a.room_id.localeCompare(b.room_id));
}

/** The record of a room, or 40001. */
export function roomRecord(state: State, roomId: string): RoomRecord {
  const record = own(state.rooms, roomId);
  if (!record) throw roomNotFound(roomId);
  return record;
}

/** POST /rooms: stores the room and returns it as the API answers its creation. */
export function createRoom(state: State, body: Json | undefined, now: Date): ApiRoom {
  const room = buildRoom(body, now, objectId(now));
  state.rooms[room.room_id] = { room, sessions: 0 };
  return createdEcho(room);
}

/** PATCH /rooms/{id}: refused while a session is in progress (10030); the type cannot change (10106). */
export function updateRoom(state: State, roomId: string, body: Json | undefined, now: Date): ApiRoom {
  const record = roomRecord(state, roomId);
  if (own(state.sessions, roomId))
    throw conflict('10030', 'Update denied: the room has a session in progress');
  record.room = patchRoom(record.room, body, now);
  return record.room;
}

/** DELETE /rooms/{id}: refused while a session is in progress; forgets the room's unused tokens. */
export function deleteRoom(state: State, roomId: string): void {
  roomRecord(state, roomId);
  if (own(state.sessions, roomId)) throw conflict(EMULATOR_CODES.deleteActive, 'Room has an active session');
  delete state.rooms[roomId];
  for (const [id, token] of Object.entries(state.tokens))
    if (token.roomId === roomId) delete state.tokens[id];
}
