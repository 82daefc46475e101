import { updateRoom } from '../../api/rooms.js';
import type { Runtime } from '../../runtime.js';
import { checkId, parseKeyValues } from '../../validate.js';
import type { CommandInput } from '../define.js';
import { readBodyFile } from '../input-file.js';
import { buildUpdateBody } from './body.js';
import { printDryRun } from './create.js';
import { givenSettings } from './flags.js';

/** `enablex room update <room-id>`: only the given keys go into the PATCH. */
export async function run({ args, opts, command }: CommandInput, rt: Runtime): Promise<void> {
  const roomId = checkId(args[0], '<room-id>');
  const file = typeof opts['file'] === 'string' ? await readBodyFile(rt.ctx, opts['file']) : undefined;
  const body = buildUpdateBody({
    flags: givenSettings(command),
    name: opts['name'] as string | undefined,
    ownerRef: opts['ownerRef'] as string | undefined,
    data: parseKeyValues(opts['data'] as string[] | undefined, '--data'),
    file,
    now: rt.ctx.now(),
  });
  if (opts['dryRun']) return printDryRun(rt, 'PATCH', `/rooms/${encodeURIComponent(roomId)}`, body);
  const http = await rt.http();
  await rt.out.spin('Updating room…', () => updateRoom(http, roomId, body));
  rt.out.success(`Updated room ${roomId}; changes apply from its next session.`);
  if (rt.globals.formatExplicit || rt.globals.quiet)
    rt.out.data({ room_id: roomId, updated: body }, { idField: 'room_id' });
}
