import { getRoom } from '../../api/rooms.js';
import type { Runtime } from '../../runtime.js';
import { checkId } from '../../validate.js';
import type { CommandInput } from '../define.js';

/** `enablex room get <room-id>` */
export async function run({ args }: CommandInput, rt: Runtime): Promise<void> {
  const roomId = checkId(args[0], '<room-id>');
  const http = await rt.http();
  rt.out.data(await getRoom(http, roomId), { idField: 'room_id' });
}
