import { formatLocal, formatUtc, parseDateTime } from '../../../lib/time.js';
import { participantLimit } from '../body.js';
import { askSetting, askText, choose, textDefault, type WizardIO } from './ask.js';
import { askMore, MORE_FLAGS } from './more.js';
import { checkAnswer, current, roomType, type RoomType, type WizardState } from './state.js';
import { TYPE_INFO, scheduleRows } from './summary.js';
import { formatLocalInput, offsetLabel, readStartTime, type StartReading } from './time.js';

/** One question of the wizard (or a small group of them). */
export interface Step {
  id: string;
  /** How the step reads in the "change an answer" menu. */
  label: string;
  /** The flags it answers: a final-check error naming one of them asks this step again. */
  flags: readonly string[];
  applies(state: WizardState): boolean;
  ask(state: WizardState, io: WizardIO): Promise<void>;
}

const always = () => true;
const isType = (t: RoomType) => (s: WizardState) => roomType(s.answers) === t;

/** "1-300 for a scheduled group room": the limit of participantLimit for the answers so far. */
function participantRange(state: WizardState): string {
  const a = state.answers;
  const scheduled = roomType(a) === 'scheduled';
  const mode = a.get('mode') as string | undefined;
  const talkers = a.get('max-active-talkers') as number | undefined;
  const limit = participantLimit(scheduled, mode, talkers);
  const kind = scheduled
    ? `a scheduled ${mode === 'lecture' ? 'lecture' : 'group'} room`
    : talkers
      ? `a room with ${talkers} active talkers`
      : `a ${roomType(a)} room`;
  return `1-${limit} for ${kind}`;
}

async function askType(state: WizardState, io: WizardIO): Promise<void> {
  const before = roomType(state.answers);
  const type = await io.prompter.select<RoomType>(
    'Room type',
    (['permanent', 'scheduled', 'adhoc'] as const).map((t) => ({
      value: t,
      name: `${t.padEnd(10)} ${TYPE_INFO[t]}`,
      short: t,
    })),
    { default: state.asked.has('type') ? before : roomType(state.seeds) },
  );
  choose(state, 'scheduled', type === 'scheduled' ? true : undefined);
  choose(state, 'adhoc', type === 'adhoc' ? true : undefined);
  if (type !== 'scheduled') state.answers.delete('scheduled-time');
  if (type === 'permanent') state.answers.delete('duration');
  // The start and duration questions differ by type: ask them again after a change of type.
  if (type !== before) for (const id of ['start', 'duration', 'adhoc-duration']) state.asked.delete(id);
}

async function askStart(state: WizardState, io: WizardIO): Promise<void> {
  const known = current(state, 'scheduled-time');
  const instant = typeof known === 'string' ? parseDateTime(known) : undefined;
  // The last text read: askText checks the final answer last, so this is what was typed.
  let reading: StartReading | undefined;
  const raw = await askText(
    state,
    io,
    'scheduled-time',
    `Start time in ${io.zone} (YYYY-MM-DD HH:MM, "23:30" or "tomorrow 9am")`,
    {
      default: instant instanceof Date ? formatLocalInput(instant, io.zone) : undefined,
      convert: (text) => {
        reading = readStartTime(text, io.zone, io.now());
        if (reading.kind === 'error') return { ok: false, message: `--scheduled-time: ${reading.message}.` };
        // Both instants of a time the clocks pass twice are checked alike; the question below picks one.
        return { ok: true, raw: formatUtc(reading.kind === 'at' ? reading.at : reading.instants[0]) };
      },
    },
  );
  let at = raw === undefined ? undefined : parseDateTime(raw);
  if (reading?.kind === 'ambiguous') at = await askWhichInstant(state, io, reading);
  if (!(at instanceof Date)) return;
  const day = reading?.kind === 'at' && reading.day ? `${reading.day}, ` : '';
  const passed = reading?.kind === 'at' && reading.day === 'tomorrow' ? ' (that time has passed today)' : '';
  io.say(io.c.dim(`  Starts ${day}${formatLocal(at, io.zone)} ${io.zone} = ${formatUtc(at)} UTC${passed}`));
}

/** The clocks go back and pass the typed time twice: the organiser says which one is meant. */
async function askWhichInstant(
  state: WizardState,
  io: WizardIO,
  reading: Extract<StartReading, { kind: 'ambiguous' }>,
): Promise<Date> {
  const [first, second] = reading.instants;
  const option = (at: Date, which: string) => ({
    value: at.toISOString(),
    name: `${which}: ${offsetLabel(io.zone, at)} = ${formatUtc(at)} UTC`,
    short: `${formatLocal(at, io.zone)} ${offsetLabel(io.zone, at)}`,
  });
  const picked = await io.prompter.select(
    `${reading.text} happens twice in ${io.zone} (the clocks go back that night): which one?`,
    [option(first, 'the first, before the clocks go back'), option(second, 'the second, after they go back')],
    { default: first.toISOString() },
  );
  const at = picked === second.toISOString() ? second : first;
  const checked = checkAnswer(state, 'scheduled-time', formatUtc(at), io.now());
  if (checked.ok) choose(state, 'scheduled-time', checked.value);
  return at;
}

async function askDuration(state: WizardState, io: WizardIO): Promise<void> {
  await askText(state, io, 'duration', 'Duration in minutes (at least 10)', {
    default: textDefault(state, 'duration') ?? '60',
  });
  const width = 'Join window'.length;
  for (const [label, value] of scheduleRows(state.answers, io.zone).slice(1)) {
    io.say(io.c.dim(`  ${label.padEnd(width)}  ${value}`));
  }
}

async function askAdhocDuration(state: WizardState, io: WizardIO): Promise<void> {
  io.say(io.c.dim('  An adhoc room is deleted after its first session, unless it has a duration.'));
  await askText(state, io, 'duration', 'Duration in minutes (at least 10), or "none"', {
    default: textDefault(state, 'duration'),
    optional: true,
  });
}

async function askMode(state: WizardState, io: WizardIO): Promise<void> {
  const mode = await io.prompter.select(
    'Mode',
    [
      { value: 'group', name: 'group    everyone can talk and be seen', short: 'group' },
      {
        value: 'lecture',
        name: 'lecture  moderators present; participants watch (webinars)',
        short: 'lecture',
      },
    ],
    { default: current(state, 'mode') === 'lecture' ? 'lecture' : 'group' },
  );
  choose(state, 'mode', mode);
}

async function askQuality(state: WizardState, io: WizardIO): Promise<void> {
  const DEFAULT = 'default';
  const quality = await io.prompter.select(
    'Video quality',
    [
      { value: DEFAULT, name: 'subscription default (not sent)', short: 'subscription default' },
      { value: 'HD', name: 'HD  up to 1280x720' },
      { value: 'SD', name: 'SD  up to 640x480' },
      { value: 'LD', name: 'LD  up to 640x360, for weak networks' },
    ],
    { default: (current(state, 'quality') as string | undefined) ?? DEFAULT },
  );
  choose(state, 'quality', quality === DEFAULT ? undefined : quality);
}

/** The wizard's questions, in order. */
export const STEPS: readonly Step[] = [
  {
    id: 'name',
    label: 'name',
    flags: ['name'],
    applies: always,
    ask: async (s, io) =>
      void (await askText(s, io, 'name', 'Room name', { default: textDefault(s, 'name') })),
  },
  {
    id: 'owner-ref',
    label: 'owner reference',
    flags: ['owner-ref'],
    applies: always,
    ask: async (s, io) =>
      void (await askText(s, io, 'owner-ref', 'Owner reference (your id for the owner; reports show it)', {
        default: textDefault(s, 'owner-ref'),
      })),
  },
  { id: 'type', label: 'room type', flags: ['scheduled', 'adhoc'], applies: always, ask: askType },
  {
    id: 'start',
    label: 'start time',
    flags: ['scheduled-time'],
    applies: isType('scheduled'),
    ask: askStart,
  },
  { id: 'duration', label: 'duration', flags: ['duration'], applies: isType('scheduled'), ask: askDuration },
  {
    id: 'adhoc-duration',
    label: 'duration',
    flags: ['duration'],
    applies: isType('adhoc'),
    ask: askAdhocDuration,
  },
  { id: 'mode', label: 'mode', flags: ['mode'], applies: always, ask: askMode },
  {
    id: 'moderators',
    label: 'moderators',
    flags: ['moderators'],
    applies: always,
    ask: async (s, io) =>
      void (await askText(s, io, 'moderators', 'Moderators (how many may join as moderator)', {
        default: textDefault(s, 'moderators') ?? '1',
      })),
  },
  {
    id: 'participants',
    label: 'participants',
    flags: ['participants'],
    applies: always,
    ask: async (s, io) =>
      void (await askText(s, io, 'participants', `Participants (${participantRange(s)})`, {
        default: textDefault(s, 'participants') ?? '10',
      })),
  },
  { id: 'quality', label: 'video quality', flags: ['quality'], applies: always, ask: askQuality },
  {
    id: 'recording',
    label: 'auto-recording',
    flags: ['auto-recording'],
    applies: always,
    ask: async (s, io) =>
      choose(
        s,
        'auto-recording',
        await io.prompter.confirm('Record every session automatically?', {
          default: current(s, 'auto-recording') === true,
        }),
      ),
  },
  {
    id: 'more',
    label: 'more settings',
    flags: [],
    applies: always,
    ask: async (s, io) => {
      const more = await io.prompter.confirm(
        'More settings (knock, screen share, talkers, media zone, description...)?',
        { default: false },
      );
      if (more) await askMore(s, io);
    },
  },
];

/** The step to ask again for an error naming `flag`, or a single-setting question. */
export function stepFor(flag: string, state: WizardState): Step | undefined {
  const step = STEPS.find((s) => s.flags.includes(flag) && s.applies(state));
  if (step) return step;
  if (!MORE_FLAGS.includes(flag)) return undefined;
  return {
    id: `more:${flag}`,
    label: flag,
    flags: [flag],
    applies: always,
    ask: (s, io) => askSetting(s, io, flag),
  };
}
