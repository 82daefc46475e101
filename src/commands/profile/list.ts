import type { Runtime } from '../../runtime.js';
import type { CommandInput } from '../define.js';
import { profileView } from './view.js';

/** `enablex profile list` */
export async function run(_input: CommandInput, rt: Runtime): Promise<void> {
  const store = await rt.store();
  const def = store.defaultName();
  const rows = store.names().map((n) => profileView(n, store.get(n)!, n === def));
  rt.out.data(rows, {
    columns: ['name', 'default', 'app_id', 'base_url', 'recording_user'],
    idField: 'name',
    empty: 'No profiles yet: add one with `enablex profile add <name>`.',
  });
}
