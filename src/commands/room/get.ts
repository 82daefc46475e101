import { getRoom } from '../../api/rooms.js';
import type { Factory } from '../../factory.js';
import { resolveRoomRef } from '../room-ref.js';
import type { GetInput } from './get.verb.js';
import { printRoom } from './show.js';

/** `enablex room get <room-id>` */
export async function run({ args }: GetInput, f: Factory): Promise<void> {
  const roomId = await resolveRoomRef(f, args.roomId, '<room-id>');
  const http = await f.http();
  printRoom(f, await getRoom(http, roomId));
}
