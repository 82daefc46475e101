import { paths } from '../../api/paths.js';
import { createRoom } from '../../api/rooms.js';
import type { Runtime } from '../../runtime.js';
import type { CommandInput } from '../define.js';
import { buildCreateBody } from './body.js';
import { printDryRun } from './dry-run.js';
import { roomInputFrom } from './input.js';
import { splitLegacy, withLegacy } from './legacy.js';
import { printRoom } from './show.js';
import { noteScheduledTime } from './time-note.js';
import { missingError, missingRequired, wantsWizard } from './wizard-gate.js';

/** `enablex room create`: flags (and --file) -> checked body -> POST /rooms; or the wizard. */
export async function run({ args, opts, command }: CommandInput, rt: Runtime): Promise<void> {
  if (wantsWizard(opts, rt.globals.canPrompt))
    return (await import('./wizard.js')).run({ args, opts, command }, rt);
  // One missing flag is named by the body's own rule below; several are named together here.
  const missing = missingRequired(opts);
  if (missing.length > 1) throw missingError(missing, rt);
  const { input, legacy } = splitLegacy(await roomInputFrom(opts, command, rt), (line) => rt.out.note(line));
  const body = withLegacy(buildCreateBody(input), legacy);
  noteScheduledTime(rt, body);
  if (opts['dryRun']) return printDryRun(rt, 'POST', paths.rooms(), body);
  const http = await rt.http();
  const room = await rt.out.spin('Creating room…', () => createRoom(http, body));
  rt.out.success(`Created room ${room.room_id} (${room.name ?? body.name}).`);
  printRoom(rt, room);
}
