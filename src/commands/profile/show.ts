import { UsageError } from '../../lib/errors.js';
import type { Factory } from '../../factory.js';
import type { ShowInput } from './show.verb.js';
import { profileView } from './view.js';

/** `enablex profile show [name]` */
export async function run({ args }: ShowInput, f: Factory): Promise<void> {
  const store = await f.store();
  const envName = f.env['ENABLEX_PROFILE']?.trim() || undefined;
  const name = args.name ?? envName ?? store.defaultName();
  if (!name)
    throw new UsageError('no default profile: name one, or add one with `enablex profile add <name>`.');
  const p = store.require(name, args.name === undefined && envName ? 'ENABLEX_PROFILE' : '<name>');
  f.io.data({ ...profileView(name, p, store.defaultName() === name), file: store.path }, { idField: 'name' });
}
