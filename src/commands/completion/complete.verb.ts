import { arg, defineCommand, variadicArg, type VerbInput } from '../spec.js';

const args = {
  source: arg('<source>', 'profiles or rooms'),
  words: variadicArg('[words...]', 'the words of the line being completed, after --'),
};

/** What `enablex __complete` runs with. */
export type CompleteInput = VerbInput<Record<never, never>, typeof args>;

/** What the scripts call at TAB time for profile names and room ids, as cobra's __complete. */
export default defineCommand({
  name: '__complete',
  summary: 'print completion candidates (used by the completion scripts)',
  args,
  hidden: true,
  // The words of the line are passed on as they are, flags included.
  passThrough: true,
  // A TAB must not write into the command line: no warning about the profile file either.
  behaviour: { reportsLoosePermissions: true },
  load: () => import('./complete.js'),
});
