import { paths } from '../../api/paths.js';
import { createRoom } from '../../api/rooms.js';
import { InterruptedError, UsageError } from '../../errors.js';
import type { Runtime } from '../../runtime.js';
import { shellQuote } from '../../shell.js';
import { localZone } from '../../time.js';
import { parseKeyValues } from '../../validate.js';
import type { CommandInput } from '../define.js';
import { printDryRun } from './dry-run.js';
import { givenSettings } from './flags.js';
import type { WizardIO } from './wizard-ask.js';
import { equivalentCommand } from './wizard-cmdline.js';
import { collectAnswers } from './wizard-flow.js';
import { missingError, missingRequired } from './wizard-gate.js';
import { printRoom } from './show.js';
import { offerSave } from './wizard-save.js';
import { roomType, type WizardState } from './wizard-state.js';

/** What Ctrl-C during the questions says: no request was sent. */
const NOTHING_CREATED = 'Interrupted: no room was created.';

/** The wizard's starting point: flags given with -i are offered as defaults, --data passes through. */
export function seedState({ opts, command }: CommandInput): WizardState {
  const seeds = givenSettings(command);
  if (typeof opts['name'] === 'string') seeds.set('name', opts['name']);
  if (typeof opts['ownerRef'] === 'string') seeds.set('owner-ref', opts['ownerRef']);
  return {
    answers: new Map(),
    seeds,
    asked: new Set(),
    data: parseKeyValues(opts['data'] as string[] | undefined, '--data'),
  };
}

/**
 * `enablex room create -i` (and `room create` with no required flag, on a terminal): asks for the
 * settings, checking each answer with the flags' rules, then creates the room through the same body
 * builder as the flags, prints the equivalent command line and offers to save the body for --file.
 */
export async function run(input: CommandInput, rt: Runtime): Promise<void> {
  const { opts } = input;
  if (opts['file'] !== undefined) {
    throw new UsageError(
      '-i/--interactive and --file cannot be combined: the wizard builds the body itself.',
    );
  }
  if (!rt.globals.canPrompt) throw missingError(missingRequired(opts), rt);
  const dryRun = opts['dryRun'] === true;
  const state = seedState(input);
  // Credentials are resolved first, so that a missing profile fails before any question.
  const http = dryRun ? undefined : await rt.http();
  const io: WizardIO = {
    prompter: await rt.prompter('--name and --owner-ref'),
    now: () => rt.ctx.now(),
    zone: localZone(rt.ctx.env),
    say: (line) => void rt.ctx.stderr.write(`${line}\n`),
    c: rt.out.c,
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
    rt.out.note('Nothing created.');
    return;
  }
  const line = equivalentCommand(state.answers, state.data, {
    profile: rt.globals.profile,
    baseUrl: rt.globals.baseUrl,
    emulator: rt.globals.emulator,
  });
  if (rt.ctx.signal.aborted) throw new InterruptedError(NOTHING_CREATED);
  if (!http) {
    printDryRun(rt, 'POST', paths.rooms(), body);
    io.say(`\nThe same, without the wizard:\n  ${line}`);
    return;
  }
  const room = await rt.out.spin('Creating room…', () => createRoom(http, body));
  rt.out.success(`Created room ${room.room_id} (${room.name ?? body.name}).`);
  printRoom(rt, room);
  io.say(`\nThe same room without the wizard:\n  ${line}\n`);
  let saved: string | undefined;
  try {
    saved = await offerSave(body, io, { cwd: rt.ctx.cwd, signal: rt.ctx.signal });
  } catch (err) {
    // The room exists by now: Ctrl-C at the optional save step is not a failure of the command.
    if (!(err instanceof InterruptedError) || rt.ctx.signal.aborted) throw err;
    rt.out.note(`Room ${room.room_id} was created; the settings file was not saved.`);
    return;
  }
  if (saved === undefined) return;
  const again = roomType(state.answers) === 'scheduled' ? ` --scheduled-time '<new start, UTC>'` : '';
  rt.out.success(
    `Saved ${saved}. Create a room like it with: enablex room create -f ${shellQuote(saved)}${again}`,
  );
}
