import type { Runtime } from '../../runtime.js';
import { checkId, wholeFlag } from '../../validate.js';
import type { CommandInput } from '../define.js';
import { controlClient } from './control-client.js';
import { printSession, type SessionSummary } from './session-output.js';

/**
 * `enablex emulator simulate <room-id>`: a finished session of N minutes ending now (CDR and
 * archive written), or with --live one in progress (its users show in `enablex users`).
 */
export async function run({ args, opts }: CommandInput, rt: Runtime): Promise<void> {
  const roomId = checkId(args[0], '<room-id>');
  const users = wholeFlag(opts['users'] ?? '3', '--users', 1, 1000);
  const minutes = wholeFlag(opts['minutes'] ?? '12', '--minutes', 1, 1440);
  const live = opts['live'] === true;
  const control = await controlClient(rt);
  const summary = await control.request<SessionSummary>({
    method: 'POST',
    path: `rooms/${encodeURIComponent(roomId)}/simulate`,
    json: { users, minutes, live },
  });
  const headline = live
    ? `Session ${summary.conf_num} is live in room ${roomId} with ${summary.total} users until ${summary.ends_at} (end it with \`enablex emulator end ${roomId}\`).`
    : `Recorded a ${minutes}-minute session ${summary.conf_num} in room ${roomId} with ${users} users: its CDR and archive are ready.`;
  printSession(rt, summary, headline);
}
