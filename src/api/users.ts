import { unexpectedShape } from './errors.js';
import type { Http } from './http.js';
import { paths } from './paths.js';

/** A user connected to a room, as GET /rooms/{id}/users lists it. Typed loosely (NOTES.md). */
export interface RoomUser {
  name?: string;
  user_ref?: string;
  role?: string;
  permissions?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * GET /rooms/{id}/users. A room without a session in progress answers a "null list": `users: null`,
 * `[]` or no key at all, which all come back as an empty list.
 */
export async function listUsers(http: Http, roomId: string): Promise<RoomUser[]> {
  const body = await http.request<{ users?: unknown } | undefined>({
    method: 'GET',
    path: paths.users(roomId),
  });
  const users = body?.users;
  if (users === undefined || users === null) return [];
  if (!Array.isArray(users)) throw unexpectedShape(`GET /rooms/${roomId}/users`, '"users" is not a list');
  return users as RoomUser[];
}
