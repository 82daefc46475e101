import { bool, text } from '../commands/spec.js';
import { DEFAULT_INTERVAL_S, MIN_INTERVAL_S } from './options.js';

const watchHelp = (what: string): string =>
  `keep watching ${what}: a table redrawn in place on a terminal, one NDJSON line per change otherwise; Ctrl-C stops (exit 0)`;
const intervalHelp = `seconds between refreshes with --watch (default ${DEFAULT_INTERVAL_S}, at least ${MIN_INTERVAL_S})`;

/**
 * `--watch` and `--interval <seconds>` as spec flags (no heavy imports: help stays fast). A verb
 * that watches also declares `behaviour: { stopSignalIsSuccess: { whenGiven: 'watch' } }`: Ctrl-C
 * ends a watch with exit 0.
 */
export function watchFlags(what: string) {
  return {
    watch: bool('-w, --watch', watchHelp(what)),
    interval: text('--interval <seconds>', intervalHelp),
  };
}
