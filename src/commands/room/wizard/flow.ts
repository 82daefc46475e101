import type { RoomBody } from '../../../api/rooms.js';
import { UsageError } from '../../../lib/errors.js';
import { parseSetting } from '../settings.js';
import { askSetting, show, type WizardIO } from './ask.js';
import { buildFromAnswers, flagOf, roomType, SPEC_BY_FLAG, type WizardState } from './state.js';
import { MORE_FLAGS } from './more.js';
import { STEPS, stepFor } from './steps.js';
import { printSummary, scheduleRows } from './summary.js';

/** What the user chose at the summary. */
type Next = 'create' | 'change' | 'cancel';

/**
 * Settings given with -i that no main question asks are kept as answers (the user typed them);
 * one that breaks its rule is asked right away, with the rule's message.
 */
async function adoptSeeds(state: WizardState, io: WizardIO): Promise<void> {
  for (const [flag, raw] of [...state.seeds]) {
    if (!MORE_FLAGS.includes(flag)) continue;
    const parsed = parseSetting(SPEC_BY_FLAG.get(flag)!, raw, io.now()); // MORE_FLAGS are all settings
    state.seeds.delete(flag);
    if (parsed.ok) {
      state.answers.set(flag, parsed.value);
      continue;
    }
    io.say(io.c.red(`--${flag}: ${parsed.message}.`));
    await askSetting(state, io, flag);
  }
}

/** Asks every question that applies and has not been asked yet. */
async function askMissing(state: WizardState, io: WizardIO): Promise<void> {
  for (const step of STEPS) {
    if (!step.applies(state) || state.asked.has(step.id)) continue;
    await step.ask(state, io);
    state.asked.add(step.id);
  }
}

/** The final check: the body exactly as the flags would build it now, or the first rule broken. */
function finalCheck(state: WizardState, now: Date, zone: string): RoomBody | UsageError {
  try {
    return buildFromAnswers(state.answers, state.data, now, zone);
  } catch (err) {
    if (err instanceof UsageError) return err;
    throw err;
  }
}

/** Shows a broken rule and asks the question it names again. */
async function fix(state: WizardState, io: WizardIO, problem: UsageError): Promise<void> {
  const flag = flagOf(problem);
  const step = flag === undefined ? undefined : stepFor(flag, state);
  if (!step) throw problem;
  io.say(io.c.red(problem.message));
  await step.ask(state, io);
}

/** How a step's answer reads in the "change an answer" menu. */
function stepValue(id: string, flag: string | undefined, state: WizardState, zone: string): string {
  if (id === 'type') return roomType(state.answers);
  if (id === 'start') return scheduleRows(state.answers, zone)[0]?.[1] ?? 'not set';
  if (id === 'more') {
    const n = [...state.answers.keys()].filter((f) => MORE_FLAGS.includes(f)).length;
    return n === 0 ? 'none' : `${n} set`;
  }
  return flag === undefined ? '' : show(state.answers.get(flag));
}

async function changeOne(state: WizardState, io: WizardIO): Promise<void> {
  const steps = STEPS.filter((s) => s.applies(state));
  const id = await io.prompter.select(
    'Which answer?',
    steps.map((s) => ({
      value: s.id,
      name: `${s.label}: ${stepValue(s.id, s.flags[0], state, io.zone)}`,
      short: s.label,
    })),
  );
  await steps.find((s) => s.id === id)?.ask(state, io);
}

/**
 * Runs the questions, then the summary, until the user creates (returns the checked body) or
 * cancels (returns undefined). Ctrl-C anywhere rejects with InterruptedError from the prompter.
 */
export async function collectAnswers(
  state: WizardState,
  io: WizardIO,
  createLabel = 'Create the room',
): Promise<RoomBody | undefined> {
  await adoptSeeds(state, io);
  for (;;) {
    await askMissing(state, io);
    const checked = finalCheck(state, io.now(), io.zone);
    if (checked instanceof UsageError) {
      await fix(state, io, checked);
      continue;
    }
    printSummary(state, io);
    const next = await io.prompter.select<Next>('Create it?', [
      { value: 'create', name: createLabel },
      { value: 'change', name: 'Change an answer' },
      { value: 'cancel', name: 'Cancel: create nothing' },
    ]);
    if (next === 'cancel') return undefined;
    if (next === 'change') {
      await changeOne(state, io);
      continue;
    }
    // Checked once more with the clock of this moment: the start time may have passed meanwhile.
    const body = finalCheck(state, io.now(), io.zone);
    if (!(body instanceof UsageError)) return body;
    await fix(state, io, body);
  }
}
