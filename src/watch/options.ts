import { UsageError } from '../lib/errors.js';
import type { Globals } from '../globals.js';

/** The shortest --interval: faster polling only loads the API without showing anything new. */
export const MIN_INTERVAL_S = 1;
/** The longest --interval: an hour. */
export const MAX_INTERVAL_S = 3600;
/** The --interval when none is given, as watch(1) uses. */
export const DEFAULT_INTERVAL_S = 2;

/** How a watch shows its results: a table redrawn in place, or one NDJSON line per change. */
export type WatchMode = 'redraw' | 'events';

/** Checked watch options. */
export interface WatchSettings {
  intervalMs: number;
  mode: WatchMode;
}

/**
 * Checks `--watch`/`--interval` and picks the mode: a redrawn table when stdout is a terminal and
 * the format is the table; NDJSON lines otherwise (`-o json` and `-o ndjson` are lines too, since a
 * stream has no end at which to close a JSON array). csv and yaml cannot stream changes: exit 2.
 */
export function watchSettings(
  opts: { readonly watch?: boolean | undefined; readonly interval?: string | undefined },
  globals: Globals,
  stdoutIsTTY: boolean,
): WatchSettings | undefined {
  if (!opts.watch) {
    if (opts.interval !== undefined) {
      throw new UsageError('--interval only applies with --watch.', 'Add --watch, or drop --interval.');
    }
    return undefined;
  }
  const raw = opts.interval ?? String(DEFAULT_INTERVAL_S);
  const seconds = Number(raw);
  if (
    raw.trim() === '' ||
    !Number.isFinite(seconds) ||
    seconds < MIN_INTERVAL_S ||
    seconds > MAX_INTERVAL_S
  ) {
    throw new UsageError(
      `--interval must be a number of seconds from ${MIN_INTERVAL_S} to ${MAX_INTERVAL_S} (got "${raw}").`,
    );
  }
  if (globals.format === 'csv' || globals.format === 'yaml') {
    throw new UsageError(
      `--watch prints a live table on a terminal or NDJSON lines: -o ${globals.format} cannot stream changes.`,
      'Use -o ndjson (or no -o) with --watch.',
    );
  }
  if (globals.quiet)
    throw new UsageError('--watch and -q/--quiet cannot be combined: a watch prints changes.');
  const mode: WatchMode = stdoutIsTTY && globals.format === 'table' ? 'redraw' : 'events';
  return { intervalMs: Math.round(seconds * 1000), mode };
}
