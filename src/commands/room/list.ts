import { listRooms } from '../../api/rooms.js';
import type { Runtime } from '../../runtime.js';
import type { CommandInput } from '../define.js';
import { printRooms } from './show.js';

/** Options of `room list`. */
export interface ListOptions {
  name?: string;
  ownerRef?: string;
}

/** `enablex room list`: every room, filtered on the client. */
export async function run({ opts }: CommandInput, rt: Runtime): Promise<void> {
  const { name, ownerRef } = opts as ListOptions;
  const http = await rt.http();
  const rooms = await rt.out.spin('Listing rooms…', () => listRooms(http));
  const needle = name?.toLowerCase();
  const shown = rooms.filter(
    (r) =>
      (!needle ||
        String(r.name ?? '')
          .toLowerCase()
          .includes(needle)) &&
      (!ownerRef || r.owner_ref === ownerRef),
  );
  printRooms(
    rt,
    shown,
    rooms.length ? 'No room matches the filters.' : 'No rooms yet: create one with `enablex room create`.',
  );
}
