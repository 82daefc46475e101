import { UsageError } from '../../errors.js';
import type { Runtime } from '../../runtime.js';
import type { CommandInput } from '../define.js';

/** `enablex profile remove <name>`: asks on a terminal, needs --yes otherwise. */
export async function run({ args }: CommandInput, rt: Runtime): Promise<void> {
  const name = args[0] as string;
  const store = await rt.store();
  store.require(name);
  if (!rt.globals.yes) {
    if (!rt.globals.canPrompt)
      throw new UsageError(`refusing to remove profile "${name}" without --yes (${rt.whyNoPrompt()}).`);
    const ok = await (await rt.prompter('--yes')).confirm(`Remove profile "${name}" and its saved key?`);
    if (!ok) return rt.out.note('Nothing removed.');
  }
  store.remove(name);
  rt.out.success(`Removed profile "${name}".`);
}
