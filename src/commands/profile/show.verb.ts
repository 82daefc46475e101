import { defineCommand, optionalArg, type VerbInput } from '../spec.js';

const args = { name: optionalArg('[name]', 'profile name', { complete: 'profiles' }) };

/** What `enablex profile show` runs with. */
export type ShowInput = VerbInput<Record<never, never>, typeof args>;

/** `enablex profile show [name]`. */
export default defineCommand({
  name: 'show',
  summary: 'show one profile (the default when no name is given); secrets show as "set"',
  args,
  examples: [
    ['the default profile', 'enablex profile show'],
    ['one profile as JSON', 'enablex profile show prod -o json'],
  ],
  load: () => import('./show.js'),
});
