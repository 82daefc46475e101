import { choice, defineCommand, type VerbInput } from '../spec.js';

const flags = {
  seed: choice('--seed <name>', 'refill it with the demo rooms and sessions', ['demo'], { shared: true }),
};

/** What `enablex emulator reset` runs with. */
export type ResetInput = VerbInput<typeof flags>;

/** `enablex emulator reset [--seed demo]`: empty a running emulator and reset its clock. */
export default defineCommand({
  name: 'reset',
  summary:
    'empty a running emulator (rooms, tokens, sessions, CDR, archive; its --state file too) and reset its clock',
  flags,
  examples: [
    ['start a test from nothing', 'enablex emulator reset'],
    ['back to the demo data', 'enablex emulator reset --seed demo'],
  ],
  load: () => import('./reset.js'),
});
