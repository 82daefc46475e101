import { Option, type Command } from 'commander';
import { examples, type ActionFactory } from '../define.js';
import { addSettingFlags, choiceParser } from './flags.js';
import { ROOM_TYPES, SORT_FIELDS } from './list-constants.js';

/** Columns of `room list` as a table. */
export const ROOM_COLUMNS = [
  'room_id',
  'name',
  'owner_ref',
  'settings.mode',
  'settings.participants',
  'settings.scheduled_time',
] as const;

/** An option with fixed values: listed in help and completions, matched in any case. */
function choice(flags: string, description: string, values: readonly string[]): Option {
  return new Option(flags, description).choices(values).argParser(choiceParser(values));
}

/** `enablex room create|list|get|update|export|apply|delete`. */
export function registerRoom(program: Command, action: ActionFactory): void {
  const room = program.command('room').description('create, list, inspect, update and delete rooms');

  addSettingFlags(
    room
      .command('create')
      .description('create a room (permanent, scheduled or adhoc)')
      .addOption(new Option('-i, --interactive', 'walk through the room settings in a wizard'))
      .addOption(new Option('--dry-run', 'print the request that would be sent, send nothing')),
  )
    .addHelpText(
      'after',
      examples(
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
      ),
    )
    .action(action(() => import('./create.js')));

  room
    .command('list')
    .description('list rooms (filters, order and limit apply on the client)')
    .addOption(new Option('--name <text>', 'only rooms whose name contains this text (any case)'))
    .addOption(new Option('--owner-ref <ref>', 'only rooms with this owner reference'))
    .addOption(choice('--mode <mode>', 'only group or lecture rooms', ['group', 'lecture']))
    .addOption(choice('--type <type>', 'only rooms of this type', ROOM_TYPES))
    .addOption(
      new Option(
        '--created-since <date>',
        'only rooms created since: YYYY-MM-DD, today, yesterday, Nd (UTC), or a time with its zone',
      ),
    )
    .addOption(choice('--sort-by <field>', 'order by this field (rooms without it last)', SORT_FIELDS))
    .addOption(new Option('--limit <n>', 'at most n rooms, after the filters and the order'))
    .addHelpText(
      'after',
      examples(
        ['every room as a table', 'enablex room list'],
        ["ids of one owner's rooms", 'enablex room list --owner-ref team-7 -q'],
        [
          'the next five scheduled rooms',
          'enablex room list --type scheduled --sort-by scheduled_time --limit 5',
        ],
        ['lecture rooms made this week', 'enablex room list --mode lecture --created-since 7d'],
        ['chosen fields as CSV', 'enablex room list -o csv --fields room_id,name,settings.mode'],
      ),
    )
    .action(action(() => import('./list.js')));

  room
    .command('get')
    .description('show one room')
    .argument('<room-id>', 'the room id, or its name when no other room has it')
    .addHelpText(
      'after',
      examples(
        ['one room as JSON', 'enablex room get 5f3b2c1a9d8e7f6a5b4c3d2e -o json'],
        ['just its settings', 'enablex room get "$ROOM" --json --fields settings'],
      ),
    )
    .action(action(() => import('./get.js')));

  addSettingFlags(
    room
      .command('update')
      .description('change a room: only the given settings change (mode, scheduled and adhoc cannot)')
      .argument('<room-id>', 'the room id, or its name when no other room has it')
      .addOption(new Option('--dry-run', 'print the request that would be sent, send nothing')),
    { hideImmutable: true },
  )
    .addHelpText(
      'after',
      examples(
        [
          'raise the participant limit and turn recording on',
          'enablex room update "$ROOM" --participants 15 --auto-recording',
        ],
        ['rename, and turn knocking off', 'enablex room update "$ROOM" --name "Weekly sync" --no-knock'],
        [
          'add one data key (the others are kept), and see the merged request first',
          'enablex room update "$ROOM" --data region=eu --dry-run',
        ],
      ),
    )
    .action(action(() => import('./update.js')));

  room
    .command('export')
    .description('write live rooms as a rooms file for `room apply` (YAML; JSON with -o json)')
    .addOption(new Option('--owner-ref <ref>', 'only rooms with this owner reference'))
    .addOption(new Option('--name <text>', 'only rooms whose name contains this text (any case)'))
    .addHelpText(
      'after',
      examples(
        ["one owner's rooms, to keep in git", 'enablex room export --owner-ref team-7 > rooms.yaml'],
        ['every room as JSON', 'enablex room export -o json > rooms.json'],
      ),
    )
    .action(action(() => import('./export.js')));

  room
    .command('apply')
    .description('make the live rooms match a rooms file: create, update, and with flags re-create or delete')
    .addOption(new Option('-f, --file <path>', 'the rooms file, YAML or JSON ("-" for stdin)'))
    .addOption(new Option('--dry-run', 'print the plan, change nothing'))
    .addOption(new Option('--exit-code', 'with --dry-run: exit 8 when changes are pending, 0 when none'))
    .addOption(
      new Option('--prune', "delete live rooms of the file's owner_refs that the file does not list"),
    )
    .addOption(
      new Option('--replace', 'delete and re-create rooms whose mode, scheduled or adhoc differ (new ids)'),
    )
    .addOption(new Option('--concurrency <n>', 'requests at a time (1-32)').default('4'))
    .addHelpText(
      'after',
      examples(
        [
          'see what would change; exit 8 if anything would',
          'enablex room apply -f rooms.yaml --dry-run --exit-code',
        ],
        [
          'apply it, deleting rooms the file no longer lists',
          'enablex room apply -f rooms.yaml --prune --yes',
        ],
        [
          'round trip: export, then apply (no changes)',
          'enablex room export > rooms.yaml && enablex room apply -f rooms.yaml',
        ],
        ['the plan as data', 'enablex room apply -f rooms.yaml --dry-run -o json'],
      ),
    )
    .action(action(() => import('./apply.js')));

  room
    .command('delete')
    .description('delete rooms (asks first on a terminal; needs --yes otherwise)')
    .argument('<room-id...>', 'one or more room ids (or names, each unique)')
    .addHelpText(
      'after',
      examples(
        ['delete one room, no question', 'enablex room delete "$ROOM" --yes'],
        [
          'delete every room of an owner',
          'enablex room list --owner-ref old-team -q | xargs -r enablex room delete --yes',
        ],
      ),
    )
    .action(action(() => import('./delete.js')));
}
