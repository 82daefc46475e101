import { listUsers, type RoomUser } from '../../api/users.js';
import { render } from '../../output/render.js';
import type { Factory } from '../../factory.js';
import { formatUtc } from '../../lib/time.js';
import { Frame } from '../../watch/frame.js';
import { poll } from '../../watch/loop.js';
import type { WatchSettings } from '../../watch/options.js';
import { userEvents } from '../../watch/users-diff.js';

/**
 * `enablex users <room-id> --watch`: on a terminal, the users table redrawn in place every
 * interval under a header line; otherwise one NDJSON line per join or leave (the users already
 * there when the watch starts arrive as joins, so folding the lines gives the room's state).
 * `columns`: the table's default columns (the verb's).
 */
export async function watchUsers(
  f: Factory,
  roomId: string,
  settings: WatchSettings,
  columns: readonly string[] | undefined,
): Promise<void> {
  const http = await f.http();
  const fetch = () => listUsers(http, roomId);
  if (settings.mode === 'events') {
    let previous: RoomUser[] = [];
    await poll(f, {
      intervalMs: settings.intervalMs,
      fetch,
      show: (users, at) => {
        for (const e of userEvents(previous, users, roomId, at)) f.io.raw(`${JSON.stringify(e)}\n`);
        previous = users;
      },
    });
    return;
  }
  const frame = new Frame(f.io.stdout);
  const seconds = settings.intervalMs / 1000;
  await poll(f, {
    intervalMs: settings.intervalMs,
    fetch,
    beforeNotice: () => frame.clear(),
    show: (users, at) => {
      const count = users.length === 1 ? '1 user' : `${users.length} users`;
      const header = f.io.cStdout.dim(
        `Every ${seconds}s: room ${roomId}, ${count} at ${formatUtc(at)} UTC. Ctrl-C to stop.`,
      );
      const body =
        users.length === 0
          ? 'No session in progress: nobody is connected.\n'
          : render(users, {
              format: 'table',
              fields: f.options.fields,
              tableColumns: columns,
              width: f.io.columns,
            });
      frame.draw(`${header}\n${body}`);
    },
  });
}
