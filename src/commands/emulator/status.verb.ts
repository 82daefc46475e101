import { watchFlags } from '../../watch/flags.js';
import { defineCommand, type VerbInput } from '../spec.js';

const flags = watchFlags('the status');

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
