import { terminalColumns } from '../../context.js';
import { listUsers, type RoomUser } from '../../api/users.js';
import { render } from '../../output/render.js';
import type { Runtime } from '../../runtime.js';
import { formatUtc } from '../../time.js';
import { Frame } from '../../watch/frame.js';
import { poll } from '../../watch/loop.js';
import type { WatchSettings } from '../../watch/options.js';
import { userEvents } from '../../watch/users-diff.js';
import { USER_COLUMNS } from './index.js';

/**
 * `enablex users <room-id> --watch`: on a terminal, the users table redrawn in place every
 * interval under a header line; otherwise one NDJSON line per join or leave (the users already
 * there when the watch starts arrive as joins, so folding the lines gives the room's state).
 */
export async function watchUsers(rt: Runtime, roomId: string, settings: WatchSettings): Promise<void> {
  const http = await rt.http();
  const fetch = () => listUsers(http, roomId);
  if (settings.mode === 'events') {
    let previous: RoomUser[] = [];
    await poll(rt, {
      intervalMs: settings.intervalMs,
      fetch,
      show: (users, at) => {
        for (const e of userEvents(previous, users, roomId, at)) rt.out.raw(`${JSON.stringify(e)}\n`);
        previous = users;
      },
    });
    return;
  }
  const frame = new Frame(rt.ctx.stdout);
  const seconds = settings.intervalMs / 1000;
  await poll(rt, {
    intervalMs: settings.intervalMs,
    fetch,
    beforeNotice: () => frame.clear(),
    show: (users, at) => {
      const count = users.length === 1 ? '1 user' : `${users.length} users`;
      const header = rt.out.c.dim(
        `Every ${seconds}s: room ${roomId}, ${count} at ${formatUtc(at)} UTC. Ctrl-C to stop.`,
      );
      const body =
        users.length === 0
          ? 'No session in progress: nobody is connected.\n'
          : render(users, {
              format: 'table',
              fields: rt.globals.fields,
              tableColumns: USER_COLUMNS,
              width: terminalColumns(rt.ctx.stdout),
            });
      frame.draw(`${header}\n${body}`);
    },
  });
}
