import type { Command } from 'commander';
import { addWatchFlags } from '../../watch/flags.js';
import { examples, type ActionFactory } from '../define.js';

/** Columns of `enablex users` as a table. */
export const USER_COLUMNS = [
  'name',
  'user_ref',
  'role',
  'permissions.publish',
  'permissions.subscribe',
  'permissions.record',
  'permissions.stats',
  'permissions.controlhandlers',
] as const;

/** `enablex users <room-id>`: who is connected to a room now. */
export function registerUsers(program: Command, action: ActionFactory): void {
  const users = program
    .command('users')
    .description('list the users connected to a room (empty when no session is in progress)')
    .argument('<room-id>', 'the room id, or its name when no other room has it');
  addWatchFlags(users, 'who joins and leaves')
    .addHelpText(
      'after',
      examples(
        ['who is in the room now', 'enablex users "$ROOM"'],
        ['count them', 'enablex users "$ROOM" -o json | jq length'],
        [
          'moderators only, as CSV',
          'enablex users "$ROOM" -o csv --fields name,user_ref,role | grep moderator',
        ],
        ['watch the room live, refreshed every 5 seconds', 'enablex users "$ROOM" --watch --interval 5'],
        [
          'log joins and leaves as NDJSON (one line per change)',
          'enablex users "$ROOM" --watch | jq -r \'[.time, .event, .user.name] | @tsv\'',
        ],
      ),
    )
    .action(action(() => import('./list.js')));
}
