import type { Factory } from '../../factory.js';
import { profileView } from './view.js';

/** `enablex profile list` */
export async function run(_input: unknown, f: Factory): Promise<void> {
  const store = await f.store();
  const def = store.defaultName();
  const rows = store.names().map((n) => profileView(n, store.get(n)!, n === def));
  f.io.data(rows, {
    columns: f.verb.columns,
    idField: 'name',
    empty: 'No profiles yet: add one with `enablex profile add <name>`.',
  });
}
