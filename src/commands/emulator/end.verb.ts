import { arg, defineCommand, type VerbInput } from '../spec.js';

const args = { roomId: arg('<room-id>', 'the room id', { complete: 'rooms' }) };

/** What `enablex emulator end` runs with. */
export type EndInput = VerbInput<Record<never, never>, typeof args>;

/** `enablex emulator end <room-id>`: end the live session now. */
export default defineCommand({
  name: 'end',
  summary: "end a room's live session now and write its CDR and archive",
  args,
  columns: ['name', 'user_ref', 'role', 'call_num', 'joined_at'],
  examples: [
    ['end the live session', 'enablex emulator end "$ROOM"'],
    ['end it, then read the CDR it wrote', 'enablex emulator end "$ROOM" && enablex cdr --room "$ROOM"'],
  ],
  load: () => import('./end.js'),
});
