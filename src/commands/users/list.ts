import { listUsers } from '../../api/users.js';
import type { Factory } from '../../factory.js';
import { watchSettings } from '../../watch/options.js';
import { resolveRoomRef } from '../room-ref.js';
import type { UsersInput } from './users.verb.js';

/** `enablex users <room-id>`: GET /rooms/{id}/users; a room with no session lists nobody. */
export async function run({ args, opts }: UsersInput, f: Factory): Promise<void> {
  const watch = watchSettings(opts, f.options, f.io.stdout.isTTY === true);
  const roomId = await resolveRoomRef(f, args.roomId, '<room-id>');
  const columns = f.verb.columns;
  if (watch) {
    const { watchUsers } = await import('./watch.js');
    return watchUsers(f, roomId, watch, columns);
  }
  const http = await f.http();
  const users = await f.io.spin('Listing users…', () => listUsers(http, roomId));
  // Said in every format (on stderr), so a script reading `[]` on stdout still learns why.
  if (users.length === 0) f.io.note(`No session in progress in room ${roomId}: nobody is connected.`);
  f.io.data(users, { columns, idField: 'user_ref' });
}
