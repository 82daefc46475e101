import { getRoom } from '../../api/rooms.js';
import type { Runtime } from '../../runtime.js';
import type { CommandInput } from '../define.js';
import { resolveRoomRef } from '../room-ref.js';
import { printRoom } from './show.js';

/** `enablex room get <room-id>` */
export async function run({ args }: CommandInput, rt: Runtime): Promise<void> {
  const roomId = await resolveRoomRef(rt, args[0], '<room-id>');
  const http = await rt.http();
  printRoom(rt, await getRoom(http, roomId));
}
