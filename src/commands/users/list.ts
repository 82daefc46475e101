import { listUsers } from '../../api/users.js';
import type { Runtime } from '../../runtime.js';
import { watchSettings } from '../../watch/options.js';
import type { CommandInput } from '../define.js';
import { resolveRoomRef } from '../room-ref.js';
import { USER_COLUMNS } from './index.js';

/** `enablex users <room-id>`: GET /rooms/{id}/users; a room with no session lists nobody. */
export async function run({ args, opts }: CommandInput, rt: Runtime): Promise<void> {
  const watch = watchSettings(opts, rt.globals, rt.ctx.stdout.isTTY === true);
  const roomId = await resolveRoomRef(rt, args[0], '<room-id>');
  if (watch) {
    const { watchUsers } = await import('./watch.js');
    return watchUsers(rt, roomId, watch);
  }
  const http = await rt.http();
  const users = await rt.out.spin('Listing users…', () => listUsers(http, roomId));
  // Said in every format (on stderr), so a script reading `[]` on stdout still learns why.
  if (users.length === 0) rt.out.note(`No session in progress in room ${roomId}: nobody is connected.`);
  rt.out.data(users, { columns: USER_COLUMNS, idField: 'user_ref' });
}
