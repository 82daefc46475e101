import { bool, defineCommand, type VerbInput } from '../spec.js';
import { ROOM_FIELD_FLAGS, settingFlags } from './flags.js';

const flags = {
  interactive: bool('-i, --interactive', 'walk through the room settings in a wizard'),
  dryRun: bool('--dry-run', 'print the request that would be sent, send nothing'),
  ...settingFlags(),
  ...ROOM_FIELD_FLAGS,
  // Help says so; the run function names the missing ones (a file or the wizard may give them).
  name: { ...ROOM_FIELD_FLAGS.name, requiredUnless: '-f or -i' },
  ownerRef: { ...ROOM_FIELD_FLAGS.ownerRef, requiredUnless: '-f or -i' },
};

/** What `enablex room create` (and its wizard) runs with. */
export type CreateInput = VerbInput<typeof flags>;

/** `enablex room create`: a room from flags, a file or the wizard. */
export default defineCommand({
  name: 'create',
  summary: 'create a room (permanent, scheduled or adhoc)',
  flags,
  examples: [
    [
      'a permanent room; print only its id',
      'ROOM=$(enablex room create --name "Daily standup" --owner-ref team-7 -q)',
    ],
    [
      'a scheduled lecture',
      'enablex room create --name "Town hall" --owner-ref hr --scheduled --scheduled-time "2026-12-01 15:00:00" --duration 60 --mode lecture --participants 500',
    ],
    ['from a file, overriding one setting', 'enablex room create -f room.yaml --quality HD --dry-run'],
    ['the wizard: asks for each setting, prints the equivalent command', 'enablex room create -i'],
  ],
  load: () => import('./create.js'),
});
