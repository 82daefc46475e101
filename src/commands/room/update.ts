import { paths } from '../../api/paths.js';
import { updateRoom } from '../../api/rooms.js';
import type { Runtime } from '../../runtime.js';
import type { CommandInput } from '../define.js';
import { resolveRoomRef } from '../room-ref.js';
import { buildUpdateBody } from './body.js';
import { printDryRun } from './dry-run.js';
import { roomInputFrom } from './input.js';

/** `enablex room update <room-id>`: only the given keys go into the PATCH. */
export async function run({ args, opts, command }: CommandInput, rt: Runtime): Promise<void> {
  const body = buildUpdateBody(await roomInputFrom(opts, command, rt));
  const roomId = await resolveRoomRef(rt, args[0], '<room-id>');
  if (opts['dryRun']) return printDryRun(rt, 'PATCH', paths.room(roomId), body);
  const http = await rt.http();
  await rt.out.spin('Updating room…', () => updateRoom(http, roomId, body));
  rt.out.success(`Updated room ${roomId}; changes apply from its next session.`);
  if (rt.globals.formatExplicit || rt.globals.quiet)
    rt.out.data({ room_id: roomId, updated: body }, { idField: 'room_id' });
}
