import type { Command } from 'commander';
import type { Runtime } from '../../runtime.js';
import { parseKeyValues } from '../../validate.js';
import { readBodyFile } from '../input-file.js';
import type { RoomInput } from './body.js';
import { checkFileData } from './file-data.js';
import { givenSettings } from './flags.js';

/**
 * What `room create` and `room update` build their body from: the setting flags given, --name,
 * --owner-ref, --data and the --file body (read first, so a bad file is named before a bad flag).
 */
export async function roomInputFrom(
  opts: Record<string, unknown>,
  command: Command,
  rt: Runtime,
): Promise<RoomInput> {
  const file =
    typeof opts['file'] === 'string' ? checkFileData(await readBodyFile(rt, opts['file'])) : undefined;
  return {
    flags: givenSettings(command),
    name: opts['name'] as string | undefined,
    ownerRef: opts['ownerRef'] as string | undefined,
    data: parseKeyValues(opts['data'] as string[] | undefined, '--data'),
    file,
    now: rt.ctx.now(),
  };
}
