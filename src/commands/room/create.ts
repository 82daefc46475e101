import { createRoom, type RoomBody } from '../../api/rooms.js';
import type { Runtime } from '../../runtime.js';
import { parseKeyValues } from '../../validate.js';
import type { CommandInput } from '../define.js';
import { readBodyFile } from '../input-file.js';
import { buildCreateBody } from './body.js';
import { givenSettings } from './flags.js';

/** Prints what would be sent, for --dry-run. */
export function printDryRun(rt: Runtime, method: string, path: string, body: RoomBody): void {
  rt.out.note(`Dry run: nothing was sent.`);
  rt.out.raw(JSON.stringify({ method, path, body }, null, 2) + '\n');
}

/** `enablex room create`: flags (and --file) -> checked body -> POST /rooms. */
export async function run({ opts, command }: CommandInput, rt: Runtime): Promise<void> {
  const file = typeof opts['file'] === 'string' ? await readBodyFile(rt.ctx, opts['file']) : undefined;
  const body = buildCreateBody({
    flags: givenSettings(command),
    name: opts['name'] as string | undefined,
    ownerRef: opts['ownerRef'] as string | undefined,
    data: parseKeyValues(opts['data'] as string[] | undefined, '--data'),
    file,
    now: rt.ctx.now(),
  });
  if (opts['dryRun']) return printDryRun(rt, 'POST', '/rooms', body);
  const http = await rt.http();
  const room = await rt.out.spin('Creating room…', () => createRoom(http, body));
  rt.out.success(`Created room ${room.room_id} (${room.name ?? body.name}).`);
  rt.out.data(room, { idField: 'room_id' });
}
