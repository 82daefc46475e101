import type { ChalkInstance } from 'chalk';
import type { Prompter } from '../../../prompt.js';
import { checkAnswer, current, SPEC_BY_FLAG, type WizardState } from './state.js';

/** What the wizard's questions need: the prompter, the clock, the user's zone, a line on stderr. */
export interface WizardIO {
  prompter: Prompter;
  now(): Date;
  /** The user's time zone (TZ, else the system's). */
  zone: string;
  /** Writes one line on stderr. */
  say(line: string): void;
  c: ChalkInstance;
}

/** Turns what the user typed into the flag's raw value (the start time is typed in local time). */
export type Convert = (text: string) => { ok: true; raw: string } | { ok: false; message: string };

/** Options of one typed question. */
export interface TextOptions {
  default?: string | undefined;
  /** "none" (or an empty answer without a default) means "not set". */
  optional?: boolean;
  convert?: Convert;
}

/**
 * Asks for a typed value and keeps asking until the flags' rules accept it; inquirer shows the
 * rule's message under the answer. Returns the accepted raw value, or undefined for "not set".
 */
export async function askText(
  state: WizardState,
  io: WizardIO,
  flag: string,
  message: string,
  opts: TextOptions = {},
): Promise<string | undefined> {
  type Outcome = { ok: true; raw?: string; value?: unknown } | { ok: false; message: string };
  const check = (text: string): Outcome => {
    // Enter on an empty line keeps the default, so "not set" needs a word of its own.
    if (opts.optional && /^(none)?$/i.test(text.trim())) return { ok: true };
    const converted = opts.convert ? opts.convert(text) : { ok: true as const, raw: text };
    if (!converted.ok) return converted;
    const checked = checkAnswer(state, flag, converted.raw, io.now(), io.zone);
    return checked.ok ? { ok: true, raw: converted.raw, value: checked.value } : checked;
  };
  for (;;) {
    const text = await io.prompter.input(message, {
      default: opts.default,
      validate: (t) => {
        const r = check(t);
        return r.ok ? true : r.message;
      },
    });
    // Checked again: time passes between typing and this line, and a start time may just have passed.
    const result = check(text);
    if (!result.ok) {
      io.say(io.c.red(result.message));
      continue;
    }
    state.seeds.delete(flag);
    if (result.raw === undefined) state.answers.delete(flag);
    else state.answers.set(flag, result.value);
    return result.raw;
  }
}

/** Stores a chosen value (a select has no invalid answer; cross-field issues come up at the final check). */
export function choose(state: WizardState, flag: string, value: unknown | undefined): void {
  state.seeds.delete(flag);
  if (value === undefined) state.answers.delete(flag);
  else state.answers.set(flag, value);
}

/** How a value reads in the summary and the menus. */
export function show(value: unknown): string {
  if (value === undefined) return 'not set';
  if (value === true) return 'yes';
  if (value === false) return 'no';
  return String(value);
}

/** Labels that capitals or a word make clearer than the flag's own words. */
const LABELS: Readonly<Record<string, string>> = {
  sip: 'SIP dial-in',
  abwd: 'ABWD',
  facex: 'FaceX',
  'hls-view-url': 'HLS view URL',
  'live-recording-url': 'Live recording URL',
};

/** "Max active talkers" for max-active-talkers. */
export function settingLabel(flag: string): string {
  if (Object.hasOwn(LABELS, flag)) return LABELS[flag] as string;
  const words = flag.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The current value as a default for a text question. */
export function textDefault(state: WizardState, flag: string): string | undefined {
  const value = current(state, flag);
  return value === undefined || typeof value === 'boolean' ? undefined : String(value);
}

const UNSET = '(unset)';

/** Asks one setting by its kind: on/off, one of the choices, or typed; each may be left unset. */
export async function askSetting(state: WizardState, io: WizardIO, flag: string): Promise<void> {
  const spec = SPEC_BY_FLAG.get(flag);
  if (!spec) return;
  const label = `${settingLabel(flag)} (${spec.description})`;
  const now = current(state, flag);
  if (spec.kind === 'bool' || spec.kind === 'enum') {
    const options =
      spec.kind === 'bool'
        ? [{ value: 'yes' }, { value: 'no' }]
        : (spec.choices ?? []).map((c) => ({ value: c }));
    const picked = await io.prompter.select(
      label,
      [...options, { value: UNSET, name: 'not set (leave it to the API default)', short: 'not set' }],
      // Picking a setting means wanting to set it: the cursor starts on the first value, not on "not set".
      { default: now === undefined ? options[0]?.value : show(now) },
    );
    if (picked === UNSET) return choose(state, flag, undefined);
    return choose(state, flag, spec.kind === 'bool' ? picked === 'yes' : picked);
  }
  await askText(state, io, flag, `${label}, or "none"`, {
    default: textDefault(state, flag),
    optional: true,
  });
}
