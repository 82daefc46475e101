import type { RoomBody } from '../../api/rooms.js';
import { jsonTerminalSafe } from '../../output/escape.js';
import type { Runtime } from '../../runtime.js';

/**
 * Prints what --dry-run would send: the method, the path (a route of src/api/paths.ts, shown from
 * the base URL with a leading slash) and the body. Nothing is sent.
 */
export function printDryRun(rt: Runtime, method: string, path: string, body: RoomBody): void {
  rt.out.note(`Dry run: nothing was sent.`);
  rt.out.raw(jsonTerminalSafe(JSON.stringify({ method, path: `/${path}`, body }, null, 2)) + '\n');
}
