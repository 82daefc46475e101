import { watchFlags } from '../../watch/flags.js';
import { arg, defineCommand, type VerbInput } from '../spec.js';

const args = {
  roomId: arg('<room-id>', 'the room id, or its name when no other room has it', { complete: 'rooms' }),
};

const flags = watchFlags('who joins and leaves');

/** What `enablex users` runs with. */
export type UsersInput = VerbInput<typeof flags, typeof args>;

/** `enablex users <room-id>`: who is connected to a room now (or, with --watch, as it changes). */
export default defineCommand({
  name: 'users',
  summary: 'list the users connected to a room (empty when no session is in progress)',
  args,
  flags,
  columns: [
    'name',
    'user_ref',
    'role',
    'permissions.publish',
    'permissions.subscribe',
    'permissions.record',
    'permissions.stats',
    'permissions.controlhandlers',
  ],
  examples: [
    ['who is in the room now', 'enablex users "$ROOM"'],
    ['count them', 'enablex users "$ROOM" -o json | jq length'],
    ['moderators only, as CSV', 'enablex users "$ROOM" -o csv --fields name,user_ref,role | grep moderator'],
    ['watch the room live, refreshed every 5 seconds', 'enablex users "$ROOM" --watch --interval 5'],
    [
      'log joins and leaves as NDJSON (one line per change)',
      'enablex users "$ROOM" --watch | jq -r \'[.time, .event, .user.name] | @tsv\'',
    ],
  ],
  behaviour: { stopSignalIsSuccess: { whenGiven: 'watch' } },
  load: () => import('./list.js'),
});
