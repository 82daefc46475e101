import type { JsonObject } from './json.js';
import type { State } from './state.js';
import { roomNotFound } from './errors.js';
import { own } from './own.js';

/** What each role may do in a session, as GET /rooms/{id}/users reports it. */
function permissionsFor(role: string): JsonObject {
  const moderator = role === 'moderator';
  const speaks = moderator || role === 'participant';
  return {
    publish: speaks,
    subscribe: true,
    record: moderator,
    stats: role !== 'audience',
    controlhandlers: speaks,
  };
}

/**
 * The users of a room's live session. Without a session the route page promises "a null list":
 * `users: null` and `total: 0` (clients must also cope with [] or no key).
 */
export function usersOf(state: State, roomId: string): JsonObject {
  if (!own(state.rooms, roomId)) throw roomNotFound(roomId);
  const session = own(state.sessions, roomId);
  if (!session) return { result: 0, total: 0, users: null };
  return {
    result: 0,
    total: session.users.length,
    users: session.users.map((u) => ({
      name: u.name,
      user_ref: u.user_ref,
      role: u.role,
      permissions: permissionsFor(u.role),
    })),
  };
}
