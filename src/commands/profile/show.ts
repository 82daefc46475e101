import { UsageError } from '../../errors.js';
import type { Runtime } from '../../runtime.js';
import type { CommandInput } from '../define.js';
import { profileView } from './view.js';

/** `enablex profile show [name]` */
export async function run({ args }: CommandInput, rt: Runtime): Promise<void> {
  const store = await rt.store();
  const name = args[0] ?? rt.ctx.env['ENABLEX_PROFILE'] ?? store.defaultName();
  if (!name)
    throw new UsageError('no default profile: name one, or add one with `enablex profile add <name>`.');
  const p = store.get(name);
  if (!p)
    throw new UsageError(
      `profile "${name}" does not exist.`,
      `Known profiles: ${store.names().join(', ') || 'none'}.`,
    );
  rt.out.data(
    { ...profileView(name, p, store.defaultName() === name), file: store.path },
    { idField: 'name' },
  );
}
