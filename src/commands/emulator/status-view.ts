import { cellText } from '../../output/cell.js';
import { render } from '../../output/render.js';

/** The emulator's status as its control route answers it (without `result`). */
export type EmulatorStatus = Record<string, unknown> & {
  now?: string;
  clock_offset_ms?: number;
  rooms?: number;
  tokens?: number;
  cdr?: number;
  archive?: number;
  live_sessions?: Record<string, unknown>[];
  faults?: Record<string, unknown>;
};

/** Faults in words: "none", or the keys that are set. */
function faultsText(faults: Record<string, unknown> | undefined): string {
  const set = Object.entries(faults ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== 0);
  return set.length === 0 ? 'none' : cellText(set.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', '));
}

/**
 * The status for a terminal: the clock and counts on two lines, then the live sessions as a table
 * of the given columns (or a line saying there are none).
 */
export function statusText(
  status: EmulatorStatus,
  width: number | undefined,
  columns: readonly string[] | undefined,
): string {
  // The status comes over HTTP: every value is shown as a cell, control characters escaped.
  const offset = status.clock_offset_ms ? ` (offset ${cellText(status.clock_offset_ms)} ms)` : '';
  const n = (v: unknown) => cellText(v ?? 0);
  const lines = [
    `Clock: ${cellText(status.now ?? '?')}${offset}`,
    `Rooms: ${n(status.rooms)}  Tokens: ${n(status.tokens)}  CDR: ${n(status.cdr)}  Archive: ${n(status.archive)}  Faults: ${faultsText(status.faults)}`,
  ];
  const live = status.live_sessions ?? [];
  if (live.length === 0) return `${lines.join('\n')}\nNo live sessions.\n`;
  const table = render(live, { format: 'table', tableColumns: columns, width });
  return `${lines.join('\n')}\nLive sessions: ${live.length}\n${table}`;
}

/** The status without the clock reading, to tell a real change from time passing. */
export function statusKey(status: EmulatorStatus): string {
  const { now: _now, ...rest } = status;
  return JSON.stringify(rest);
}
