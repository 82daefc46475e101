import { DEFAULT_INTERVAL_S, MIN_INTERVAL_S } from '../../watch/options.js';
import { bool, defineCommand, text, type VerbInput } from '../spec.js';

const flags = {
  watch: bool(
    '-w, --watch',
    'keep watching the status: a table redrawn in place on a terminal, one NDJSON line per change otherwise; Ctrl-C stops (exit 0)',
  ),
  interval: text(
    '--interval <seconds>',
    `seconds between refreshes with --watch (default ${DEFAULT_INTERVAL_S}, at least ${MIN_INTERVAL_S})`,
  ),
};

/** What `enablex emulator status` runs with. */
export type StatusInput = VerbInput<typeof flags>;

/** `enablex emulator status [--watch]`: clock, counts, live sessions and faults. */
export default defineCommand({
  name: 'status',
  summary: "show a running emulator's clock, counts, live sessions and faults",
  flags,
  /** The live sessions table. */
  columns: ['room_id', 'conf_num', 'users', 'ends_at'],
  examples: [
    ['as JSON', 'enablex emulator status -o json'],
    ['live sessions of the in-process emulator', 'enablex --emulator emulator status --fields live_sessions'],
    ['keep it on screen while you test', 'enablex emulator status --watch'],
  ],
  behaviour: { stopSignalIsSuccess: { whenGiven: 'watch' } },
  load: () => import('./status.js'),
});
