import { completionScript } from '../../completion/index.js';
import { SHELLS } from '../../completion/shells.js';
import { UsageError } from '../../lib/errors.js';
import type { Factory } from '../../factory.js';
import type { CompletionInput } from './completion.verb.js';

/** `enablex completion <shell>`: the script for this version's command tree. */
export async function run({ args }: CompletionInput, f: Factory): Promise<void> {
  // Commander has already refused any shell outside the argument's choices; this narrows the type.
  const shell = SHELLS.find((s) => s === args.shell);
  if (!shell) throw new UsageError(`<shell> must be one of ${SHELLS.join(', ')}, got "${args.shell}".`);
  // The tree this run was parsed from: the scripts describe exactly the commands of this version.
  const program = f.verb.program;
  if (!program) throw new Error('the completion command runs only from the command line');
  f.io.raw(completionScript(shell, program));
}
