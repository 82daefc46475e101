import type { Factory } from '../../factory.js';
import { checkId, wholeFlag } from '../../lib/validate.js';
import { controlClient } from './control-client.js';
import { printSession, type SessionSummary } from './session-output.js';
import type { SimulateInput } from './simulate.verb.js';

/**
 * `enablex emulator simulate <room-id>`: a finished session of N minutes ending now (CDR and
 * archive written), or with --live one in progress (its users show in `enablex users`).
 */
export async function run({ args, opts }: SimulateInput, f: Factory): Promise<void> {
  const roomId = checkId(args.roomId, '<room-id>');
  const users = wholeFlag(opts.users, '--users', 1, 1000);
  const minutes = wholeFlag(opts.minutes, '--minutes', 1, 1440);
  const live = opts.live === true;
  const control = await controlClient(f);
  const summary = await control.request<SessionSummary>({
    method: 'POST',
    path: `rooms/${encodeURIComponent(roomId)}/simulate`,
    json: { users, minutes, live },
  });
  const headline = live
    ? `Session ${summary.conf_num} is live in room ${roomId} with ${summary.total} users until ${summary.ends_at} (end it with \`enablex emulator end ${roomId}\`).`
    : `Recorded a ${minutes}-minute session ${summary.conf_num} in room ${roomId} with ${users} users: its CDR and archive are ready.`;
  printSession(f, summary, headline);
}
