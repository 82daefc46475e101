import { UsageError } from '../../lib/errors.js';
import type { Factory } from '../../factory.js';
import type { ClockAdvanceInput, ClockSetInput } from './clock.verb.js';
import { controlClient, type ControlClient } from './control-client.js';

/** What the clock routes and the status route say about the clock. */
interface ClockAnswer {
  now: string;
  clock_offset_ms: number;
}

/** Minutes a whole or decimal number, as `emulator clock advance` takes them (negative goes back). */
function minutesOf(value: string | undefined): number {
  const text = (value ?? '').trim();
  if (!/^-?\d+(\.\d+)?$/.test(text))
    throw new UsageError(
      `<minutes> must be a number of minutes (negative to go back), got "${value ?? ''}".`,
      'For example: enablex emulator clock advance 90',
    );
  return Number(text);
}

/** An instant with a zone, as `emulator clock set` takes it. */
function instantOf(value: string | undefined): string {
  const text = (value ?? '').trim();
  if (
    !/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text) ||
    Number.isNaN(Date.parse(text))
  )
    throw new UsageError(
      `<time> must be an ISO 8601 time with Z or an offset, got "${value ?? ''}".`,
      'For example: enablex emulator clock set 2026-12-01T09:00:00Z',
    );
  return text.replace(' ', 'T');
}

/**
 * Offsets as people read them: "+1 h 30 min", "none".
 * @internal Exported for its table test: the rule itself is what the test checks.
 */
export function describeOffset(ms: number): string {
  if (ms === 0) return 'none (the real clock)';
  const sign = ms > 0 ? '+' : '-';
  let minutes = Math.round(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  minutes -= days * 1440;
  const hours = Math.floor(minutes / 60);
  minutes -= hours * 60;
  const parts = [days ? `${days} d` : '', hours ? `${hours} h` : '', minutes ? `${minutes} min` : ''];
  const text = parts.filter(Boolean).join(' ');
  return `${sign}${text || `${Math.abs(ms)} ms`}`;
}

/** Prints the clock after a move: a success line on a terminal table, the clock as data otherwise. */
function printMoved(f: Factory, answer: ClockAnswer): void {
  if (f.options.format === 'table' && !f.options.quiet) {
    f.io.success(`Emulator clock now ${answer.now} (offset ${describeOffset(answer.clock_offset_ms)}).`);
    return;
  }
  printClock(f, answer);
}

function printClock(f: Factory, answer: ClockAnswer): void {
  f.io.data({ now: answer.now, clock_offset_ms: answer.clock_offset_ms }, { idField: 'now' });
}

function post(control: ControlClient, path: string, json: Record<string, unknown>): Promise<ClockAnswer> {
  return control.request<ClockAnswer>({ method: 'POST', path, json });
}

/** `enablex emulator clock advance <minutes>`: moves a running emulator's clock (negative goes back). */
export async function advance({ args }: ClockAdvanceInput, f: Factory): Promise<void> {
  const minutes = minutesOf(args.minutes);
  const control = await controlClient(f);
  printMoved(f, await post(control, 'clock/advance', { minutes }));
}

/** `enablex emulator clock set <time>`: sets a running emulator's clock (scheduled rooms open, tokens expire). */
export async function set({ args }: ClockSetInput, f: Factory): Promise<void> {
  const at = instantOf(args.time);
  const control = await controlClient(f);
  printMoved(f, await post(control, 'clock/set', { at }));
}

/** `enablex emulator clock show`: a running emulator's now and its offset from the real clock. */
export async function show(_input: unknown, f: Factory): Promise<void> {
  const control = await controlClient(f);
  printClock(f, await control.request<ClockAnswer>({ method: 'GET', path: 'status' }));
}
