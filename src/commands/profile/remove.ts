import { UsageError } from '../../lib/errors.js';
import type { Factory } from '../../factory.js';
import type { RemoveInput } from './remove.verb.js';

/** `enablex profile remove <name>`: asks on a terminal, needs --yes otherwise. */
export async function run({ args }: RemoveInput, f: Factory): Promise<void> {
  const name = args.name;
  const store = await f.store();
  store.require(name);
  if (!f.options.yes) {
    if (!f.io.canPrompt)
      throw new UsageError(`refusing to remove profile "${name}" without --yes (${f.io.whyNoPrompt()}).`);
    const ok = await (await f.prompter('--yes')).confirm(`Remove profile "${name}" and its saved key?`);
    if (!ok) return f.io.note('Nothing removed.');
  }
  store.remove(name);
  f.io.success(`Removed profile "${name}".`);
}
