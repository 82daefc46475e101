import type { RoomBody } from '../../api/rooms.js';
import { jsonTerminalSafe } from '../../output/escape.js';
import type { Factory } from '../../factory.js';

/**
 * Prints what --dry-run would send: the method, the path (a route of src/api/paths.ts, shown from
 * the base URL with a leading slash) and the body. `notes` say what was read to build it (room
 * update reads the room first); nothing is changed.
 */
export function printDryRun(
  f: Factory,
  method: string,
  path: string,
  body: RoomBody,
  notes: readonly string[] = [],
): void {
  f.io.note(notes.length ? `Dry run: nothing was changed.` : `Dry run: nothing was sent.`);
  for (const line of notes) f.io.note(line);
  f.io.raw(jsonTerminalSafe(JSON.stringify({ method, path: `/${path}`, body }, null, 2)) + '\n');
}
