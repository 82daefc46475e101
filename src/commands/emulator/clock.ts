import { UsageError } from '../../errors.js';
import type { Runtime } from '../../runtime.js';
import type { CommandInput } from '../define.js';
import { controlClient } from './control-client.js';

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

/** Offsets as people read them: "+1 h 30 min", "none". */
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

/**
 * `enablex emulator clock advance <minutes> | set <time> | show`: moves, sets or shows a running
 * emulator's clock through the control API (tokens expire, scheduled rooms open, sessions end).
 */
export async function run({ args, command }: CommandInput, rt: Runtime): Promise<void> {
  const verb = command.name();
  const control = await controlClient(rt);
  let answer: ClockAnswer;
  if (verb === 'advance') {
    answer = await control.request<ClockAnswer>({
      method: 'POST',
      path: 'clock/advance',
      json: { minutes: minutesOf(args[0]) },
    });
  } else if (verb === 'set') {
    answer = await control.request<ClockAnswer>({
      method: 'POST',
      path: 'clock/set',
      json: { at: instantOf(args[0]) },
    });
  } else {
    answer = await control.request<ClockAnswer>({ method: 'GET', path: 'status' });
  }
  const shown = { now: answer.now, clock_offset_ms: answer.clock_offset_ms };
  if (verb !== 'show' && rt.globals.format === 'table' && !rt.globals.quiet) {
    rt.out.success(`Emulator clock now ${answer.now} (offset ${describeOffset(answer.clock_offset_ms)}).`);
    return;
  }
  rt.out.data(shown, { idField: 'now' });
}
