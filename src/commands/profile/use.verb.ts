import { arg, defineCommand, type VerbInput } from '../spec.js';

const args = { name: arg('<name>', 'profile name', { complete: 'profiles' }) };

/** What `enablex profile use` runs with. */
export type UseInput = VerbInput<Record<never, never>, typeof args>;

/** `enablex profile use <name>`. */
export default defineCommand({
  name: 'use',
  summary: 'make a profile the default',
  args,
  examples: [
    ['switch to staging', 'enablex profile use staging'],
    ['check what the default now points at', 'enablex profile show'],
  ],
  load: () => import('./use.js'),
});
