import { bool, defineCommand, type VerbInput } from '../spec.js';
import { faultFlags } from './fault-flags.js';

const flags = {
  clear: bool('--clear', 'remove every fault'),
  ...faultFlags,
};

/** What `enablex emulator faults` runs with. */
export type FaultsInput = VerbInput<typeof flags>;

/** `enablex emulator faults [flags] [--clear]`: show, replace or clear a running emulator's faults. */
export default defineCommand({
  name: 'faults',
  summary: "show, replace (with the flags given) or clear a running emulator's injected faults",
  flags,
  examples: [
    ['what is injected now', 'enablex emulator faults'],
    [
      'the next 2 requests get 429 with Retry-After: 2',
      'enablex emulator faults --fail-first 2 --fail-status 429 --retry-after 2',
    ],
    ['back to normal', 'enablex emulator faults --clear'],
  ],
  load: () => import('./faults.js'),
});
