import { listRooms } from '../../api/rooms.js';
import type { Runtime } from '../../runtime.js';
import type { CommandInput } from '../define.js';
import { applyListQuery, listQuery, type ListFlags } from './list-filter.js';
import { printRooms } from './show.js';

/** `enablex room list`: every room (the API has no filters), filtered, sorted and cut on the client. */
export async function run({ opts }: CommandInput, rt: Runtime): Promise<void> {
  const query = listQuery(opts as ListFlags, rt.ctx.now());
  const http = await rt.http();
  const rooms = await rt.out.spin('Listing rooms…', () => listRooms(http));
  const matching = applyListQuery(rooms, { ...query, limit: undefined });
  const shown = query.limit === undefined ? matching : matching.slice(0, query.limit);
  if (shown.length < matching.length)
    rt.out.note(`Showing ${shown.length} of ${matching.length} matching rooms (--limit ${query.limit}).`);
  printRooms(
    rt,
    shown,
    rooms.length ? 'No room matches the filters.' : 'No rooms yet: create one with `enablex room create`.',
  );
}
