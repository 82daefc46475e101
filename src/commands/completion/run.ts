import { buildProgram } from '../../cli.js';
import { completionScript, SHELLS } from '../../completion/index.js';
import { UsageError } from '../../errors.js';
import type { Factory } from '../../factory.js';
import type { CompletionInput } from './completion.verb.js';

/** `enablex completion <shell>`: the script for this version's command tree. */
export async function run({ args }: CompletionInput, f: Factory): Promise<void> {
  // Commander has already refused any shell outside the argument's choices; this narrows the type.
  const shell = SHELLS.find((s) => s === args.shell);
  if (!shell) throw new UsageError(`<shell> must be one of ${SHELLS.join(', ')}, got "${args.shell}".`);
  f.io.raw(
    completionScript(
      shell,
      buildProgram(() => async () => undefined, f.version),
    ),
  );
}
