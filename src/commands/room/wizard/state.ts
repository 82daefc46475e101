import type { RoomBody } from '../../../api/rooms.js';
import { UsageError } from '../../../lib/errors.js';
import { buildCreateBody } from '../body.js';
import { ROOM_SETTINGS, parseSetting, type SettingSpec } from '../settings.js';

/** What the wizard knows so far. Keys are flag names ('name', 'owner-ref', 'participants', ...). */
export interface WizardState {
  /** Accepted answers, as the flags would carry them; only these are sent. */
  answers: Map<string, unknown>;
  /** Values given on the command line with -i: offered as defaults until their question is asked. */
  seeds: Map<string, unknown>;
  /** Ids of the questions already asked (a changed room type forgets the ones that no longer apply). */
  asked: Set<string>;
  /** --data pairs from the command line; the wizard passes them through. */
  data?: Record<string, string> | undefined;
}

/** The three kinds of room. */
export type RoomType = 'permanent' | 'scheduled' | 'adhoc';

/** The spec of a setting flag. */
export const SPEC_BY_FLAG: ReadonlyMap<string, SettingSpec> = new Map(ROOM_SETTINGS.map((s) => [s.flag, s]));

/** The room type the answers (or, before the question, the seeds) describe. */
export function roomType(values: ReadonlyMap<string, unknown>): RoomType {
  if (values.get('scheduled') === true) return 'scheduled';
  if (values.get('adhoc') === true) return 'adhoc';
  return 'permanent';
}

/** The answer to a question, else the value given with -i. */
export function current(state: WizardState, flag: string): unknown {
  return state.answers.has(flag) ? state.answers.get(flag) : state.seeds.get(flag);
}

/** Builds the body from answers exactly as `room create` does from flags (same function, same checks). */
export function buildFromAnswers(
  answers: ReadonlyMap<string, unknown>,
  data: Record<string, string> | undefined,
  now: Date,
  zone?: string,
): RoomBody {
  const flags = new Map([...answers].filter(([flag]) => flag !== 'name' && flag !== 'owner-ref'));
  return buildCreateBody({
    flags,
    name: answers.get('name') as string | undefined,
    ownerRef: answers.get('owner-ref') as string | undefined,
    data,
    now,
    zone,
  });
}

/** The flag a usage error of the body builder names first (`--participants must be ...`). */
export function flagOf(err: UsageError): string | undefined {
  return /^--([a-z][a-z-]*)/.exec(err.message)?.[1];
}

/** The outcome of checking one answer: the value to keep, or the flag rule's message. */
export type Checked = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Checks one answer with the flags' own rules: the setting's rule (parseSetting), then the
 * cross-field rules of buildCreateBody over the answers so far. An error about a question not
 * asked yet (a required field still to come) is not this answer's fault and is ignored here;
 * the final check before creating catches anything left.
 */
export function checkAnswer(
  state: WizardState,
  flag: string,
  raw: unknown,
  now: Date,
  zone?: string,
): Checked {
  let value: unknown = typeof raw === 'string' ? raw.trim() : raw;
  const spec = SPEC_BY_FLAG.get(flag);
  if (spec) {
    const parsed = parseSetting(spec, raw, now, zone);
    if (!parsed.ok) return { ok: false, message: `--${flag}: ${parsed.message}.` };
    value = parsed.value;
  }
  const trial = new Map(state.answers).set(flag, value);
  try {
    buildFromAnswers(trial, state.data, now, zone);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    const named = flagOf(err);
    if (named === undefined || trial.has(named)) return { ok: false, message: err.message };
  }
  return { ok: true, value };
}
