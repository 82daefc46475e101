import { completionScript } from '../../completion/index.js';
import type { Factory } from '../../factory.js';
import type { CompletionInput } from './completion.verb.js';

/** `enablex completion <shell>`: the script for this version's command tree. */
export async function run({ args }: CompletionInput, f: Factory): Promise<void> {
  // The tree this run was parsed from: the scripts describe exactly the commands of this version.
  // Only a factory built outside the command line lacks it, which no user can reach.
  const program = f.verb.program;
  if (!program) throw new Error('the completion command runs only from the command line');
  f.io.raw(completionScript(args.shell, program));
}
