import { UsageError } from '../../errors.js';
import type { Runtime } from '../../runtime.js';
import type { CommandInput } from '../define.js';
import { profileView } from './view.js';

/** `enablex profile show [name]` */
export async function run({ args }: CommandInput, rt: Runtime): Promise<void> {
  const store = await rt.store();
  const envName = rt.ctx.env['ENABLEX_PROFILE']?.trim() || undefined;
  const name = args[0] ?? envName ?? store.defaultName();
  if (!name)
    throw new UsageError('no default profile: name one, or add one with `enablex profile add <name>`.');
  const p = store.require(name, args[0] === undefined && envName ? 'ENABLEX_PROFILE' : '<name>');
  rt.out.data(
    { ...profileView(name, p, store.defaultName() === name), file: store.path },
    { idField: 'name' },
  );
}
