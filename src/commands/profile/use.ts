import type { Factory } from '../../factory.js';
import type { UseInput } from './use.verb.js';

/** `enablex profile use <name>` */
export async function run({ args }: UseInput, f: Factory): Promise<void> {
  const name = args.name;
  const store = await f.store();
  store.require(name);
  store.setDefault(name);
  f.io.success(`Made profile "${name}" the default.`);
}
