import type { Runtime } from '../../runtime.js';
import type { CommandInput } from '../define.js';

/** `enablex profile use <name>` */
export async function run({ args }: CommandInput, rt: Runtime): Promise<void> {
  const name = args[0] as string;
  const store = await rt.store();
  store.require(name);
  store.setDefault(name);
  rt.out.success(`Made profile "${name}" the default.`);
}
