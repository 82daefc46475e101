import { arg, bool, defineCommand, type VerbInput } from '../spec.js';
import { ROOM_FIELD_FLAGS, settingFlags } from './flags.js';

const args = {
  roomId: arg('<room-id>', 'the room id, or its name when no other room has it', { complete: 'rooms' }),
};

const flags = {
  dryRun: bool('--dry-run', 'print the request that would be sent, send nothing'),
  ...settingFlags({ hideImmutable: true }),
  ...ROOM_FIELD_FLAGS,
};

/** What `enablex room update` runs with. */
export type UpdateInput = VerbInput<typeof flags, typeof args>;

/** `enablex room update <room-id>`. */
export default defineCommand({
  name: 'update',
  summary: 'change a room: only the given settings change (mode, scheduled and adhoc cannot)',
  args,
  flags,
  examples: [
    [
      'raise the participant limit and turn recording on',
      'enablex room update "$ROOM" --participants 15 --auto-recording',
    ],
    ['rename, and turn knocking off', 'enablex room update "$ROOM" --name "Weekly sync" --no-knock'],
    [
      'add one data key (the others are kept), and see the merged request first',
      'enablex room update "$ROOM" --data region=eu --dry-run',
    ],
  ],
  load: () => import('./update.js'),
});
