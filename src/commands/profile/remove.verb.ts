import { arg, defineCommand, type VerbInput } from '../spec.js';

const args = { name: arg('<name>', 'profile name', { complete: 'profiles' }) };

/** What `enablex profile remove` runs with. */
export type RemoveInput = VerbInput<Record<never, never>, typeof args>;

/** `enablex profile remove <name>`. */
export default defineCommand({
  name: 'remove',
  summary: 'delete a saved profile and its secrets',
  args,
  examples: [
    ['remove, asking first', 'enablex profile remove old'],
    ['remove without a question (scripts)', 'enablex profile remove old --yes'],
  ],
  load: () => import('./remove.js'),
});
