import type { Factory } from '../../factory.js';
import { checkId } from '../../lib/validate.js';
import { controlClient } from './control-client.js';
import type { EndInput } from './end.verb.js';
import { printSession, type SessionSummary } from './session-output.js';

/** `enablex emulator end <room-id>`: ends the live session now and writes its CDR and archive. */
export async function run({ args }: EndInput, f: Factory): Promise<void> {
  const roomId = checkId(args.roomId, '<room-id>');
  const control = await controlClient(f);
  const summary = await control.request<SessionSummary>({
    method: 'POST',
    path: `rooms/${encodeURIComponent(roomId)}/end`,
  });
  printSession(
    f,
    summary,
    `Ended session ${summary.conf_num} in room ${roomId} (${summary.total} users): its CDR and archive are ready.`,
  );
}
