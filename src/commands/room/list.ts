import { listRooms } from '../../api/rooms.js';
import type { Factory } from '../../factory.js';
import { applyListQuery, listQuery } from './list-filter.js';
import type { ListInput } from './list.verb.js';
import { printRooms } from './show.js';

/** `enablex room list`: every room (the API has no filters), filtered, sorted and cut on the client. */
export async function run({ opts }: ListInput, f: Factory): Promise<void> {
  const query = listQuery(opts, f.clock.now());
  const http = await f.http();
  const rooms = await f.io.spin('Listing rooms…', () => listRooms(http));
  const matching = applyListQuery(rooms, { ...query, limit: undefined });
  const shown = query.limit === undefined ? matching : matching.slice(0, query.limit);
  if (shown.length < matching.length)
    f.io.note(`Showing ${shown.length} of ${matching.length} matching rooms (--limit ${query.limit}).`);
  printRooms(
    f,
    shown,
    rooms.length ? 'No room matches the filters.' : 'No rooms yet: create one with `enablex room create`.',
  );
}
