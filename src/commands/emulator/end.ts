import type { Runtime } from '../../runtime.js';
import { checkId } from '../../validate.js';
import type { CommandInput } from '../define.js';
import { controlClient } from './control-client.js';
import { printSession, type SessionSummary } from './session-output.js';

/** `enablex emulator end <room-id>`: ends the live session now and writes its CDR and archive. */
export async function run({ args }: CommandInput, rt: Runtime): Promise<void> {
  const roomId = checkId(args[0], '<room-id>');
  const control = await controlClient(rt);
  const summary = await control.request<SessionSummary>({
    method: 'POST',
    path: `rooms/${encodeURIComponent(roomId)}/end`,
  });
  printSession(
    rt,
    summary,
    `Ended session ${summary.conf_num} in room ${roomId} (${summary.total} users): its CDR and archive are ready.`,
  );
}
