import type { Factory } from '../../factory.js';
import { parseKeyValues } from '../../lib/validate.js';
import { readBodyFile } from '../input-file.js';
import type { RoomInput } from './body.js';
import { checkFileData } from './file-data.js';
import { givenSettings, type SettingsInput } from './flags.js';

/**
 * What `room create` and `room update` build their body from: the setting flags given, --name,
 * --owner-ref, --data and the --file body (read first, so a bad file is named before a bad flag).
 */
export async function roomInputFrom(input: SettingsInput, f: Factory): Promise<RoomInput> {
  const { opts } = input;
  const file = opts.file === undefined ? undefined : checkFileData(await readBodyFile(f, opts.file));
  return {
    flags: givenSettings(input),
    name: opts.name,
    ownerRef: opts.ownerRef,
    data: parseKeyValues(opts.data, '--data'),
    file,
    now: f.clock.now(),
  };
}
