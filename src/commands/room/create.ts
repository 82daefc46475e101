import { paths } from '../../api/paths.js';
import { createRoom } from '../../api/rooms.js';
import type { Factory } from '../../factory.js';
import { buildCreateBody } from './body.js';
import type { CreateInput } from './create.verb.js';
import { printDryRun } from './dry-run.js';
import { roomInputFrom } from './input.js';
import { splitLegacy, withLegacy } from './legacy.js';
import { printRoom } from './show.js';
import { noteScheduledTime } from './time-note.js';
import { missingError, missingRequired, wantsWizard } from './wizard/gate.js';

/** `enablex room create`: flags (and --file) -> checked body -> POST /rooms; or the wizard. */
export async function run(verb: CreateInput, f: Factory): Promise<void> {
  const { opts } = verb;
  if (wantsWizard(opts, f.io.canPrompt)) return (await import('./wizard/wizard.js')).run(verb, f);
  // One missing flag is named by the body's own rule below; several are named together here.
  const missing = missingRequired(opts);
  if (missing.length > 1) throw missingError(missing, f);
  const { input, legacy } = splitLegacy(await roomInputFrom(verb, f), (line) => f.io.note(line));
  const body = withLegacy(buildCreateBody(input), legacy);
  noteScheduledTime(f, body);
  if (opts.dryRun) return printDryRun(f, 'POST', paths.rooms(), body);
  const http = await f.http();
  const room = await f.io.spin('Creating room…', () => createRoom(http, body));
  f.io.success(`Created room ${room.room_id} (${room.name ?? body.name}).`);
  printRoom(f, room);
}
