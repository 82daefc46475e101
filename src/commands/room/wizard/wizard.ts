import { paths } from '../../../api/paths.js';
import { createRoom } from '../../../api/rooms.js';
import { InterruptedError, UsageError } from '../../../lib/errors.js';
import type { Factory } from '../../../factory.js';
import { shellQuote } from '../../../lib/shell.js';
import { localZone } from '../../../lib/time.js';
import { parseKeyValues } from '../../../lib/validate.js';
import type { CreateInput } from '../create.verb.js';
import { printDryRun } from '../dry-run.js';
import { givenSettings } from '../flags.js';
import type { WizardIO } from './ask.js';
import { equivalentCommand } from './cmdline.js';
import { collectAnswers } from './flow.js';
import { missingError, missingRequired } from './gate.js';
import { printRoom } from '../show.js';
import { offerSave } from './save.js';
import { roomType, type WizardState } from './state.js';

/** What Ctrl-C during the questions says: no request was sent. */
const NOTHING_CREATED = 'Interrupted: no room was created.';

/** The wizard's starting point: flags given with -i are offered as defaults, --data passes through. */
export function seedState(input: CreateInput): WizardState {
  const { opts } = input;
  const seeds = givenSettings(input);
  if (opts.name !== undefined) seeds.set('name', opts.name);
  if (opts.ownerRef !== undefined) seeds.set('owner-ref', opts.ownerRef);
  return { answers: new Map(), seeds, asked: new Set(), data: parseKeyValues(opts.data, '--data') };
}

/**
 * `enablex room create -i` (and `room create` with no required flag, on a terminal): asks for the
 * settings, checking each answer with the flags' rules, then creates the room through the same body
 * builder as the flags, prints the equivalent command line and offers to save the body for --file.
 */
export async function run(input: CreateInput, f: Factory): Promise<void> {
  const { opts } = input;
  if (opts.file !== undefined) {
    throw new UsageError(
      '-i/--interactive and --file cannot be combined: the wizard builds the body itself.',
    );
  }
  if (!f.io.canPrompt) throw missingError(missingRequired(opts), f);
  const dryRun = opts.dryRun === true;
  const state = seedState(input);
  // Credentials are resolved first, so that a missing profile fails before any question.
  const http = dryRun ? undefined : await f.http();
  const io: WizardIO = {
    prompter: await f.prompter('--name and --owner-ref'),
    now: () => f.clock.now(),
    zone: localZone(f.env),
    say: (line) => f.io.line(line),
    c: f.io.c,
  };
  io.say(io.c.bold('New room') + io.c.dim(` (times in ${io.zone}; Ctrl-C stops without creating anything)`));
  const body = await collectAnswers(
    state,
    io,
    dryRun ? 'Print the request (dry run)' : 'Create the room',
  ).catch((err: unknown) => {
    // Ctrl-C before the last answer: nothing was sent, and the organiser should know it.
    if (err instanceof InterruptedError) throw new InterruptedError(NOTHING_CREATED);
    throw err;
  });
  if (!body) {
    f.io.note('Nothing created.');
    return;
  }
  const line = equivalentCommand(state.answers, state.data, {
    profile: f.options.profile,
    baseUrl: f.options.baseUrl,
    emulator: f.options.emulator,
  });
  if (f.signal.aborted) throw new InterruptedError(NOTHING_CREATED);
  if (!http) {
    printDryRun(f, 'POST', paths.rooms(), body);
    io.say(`\nThe same, without the wizard:\n  ${line}`);
    return;
  }
  const room = await f.io.spin('Creating room…', () => createRoom(http, body));
  f.io.success(`Created room ${room.room_id} (${room.name ?? body.name}).`);
  printRoom(f, room);
  io.say(`\nThe same room without the wizard:\n  ${line}\n`);
  let saved: string | undefined;
  try {
    saved = await offerSave(body, io, { cwd: f.cwd, signal: f.signal });
  } catch (err) {
    // The room exists by now: Ctrl-C at the optional save step is not a failure of the command.
    if (!(err instanceof InterruptedError) || f.signal.aborted) throw err;
    f.io.note(`Room ${room.room_id} was created; the settings file was not saved.`);
    return;
  }
  if (saved === undefined) return;
  const again = roomType(state.answers) === 'scheduled' ? ` --scheduled-time '<new start, UTC>'` : '';
  f.io.success(
    `Saved ${saved}. Create a room like it with: enablex room create -f ${shellQuote(saved)}${again}`,
  );
}
