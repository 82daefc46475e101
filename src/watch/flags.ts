import { Option, type Command } from 'commander';
import { DEFAULT_INTERVAL_S, MIN_INTERVAL_S } from './options.js';

/** Adds `--watch` and `--interval <seconds>` to a command (no heavy imports: help stays fast). */
export function addWatchFlags(cmd: Command, what: string): Command {
  return cmd
    .addOption(
      new Option(
        '-w, --watch',
        `keep watching ${what}: a table redrawn in place on a terminal, one NDJSON line per change otherwise; Ctrl-C stops (exit 0)`,
      ),
    )
    .addOption(
      new Option(
        '--interval <seconds>',
        `seconds between refreshes with --watch (default ${DEFAULT_INTERVAL_S}, at least ${MIN_INTERVAL_S})`,
      ),
    );
}
