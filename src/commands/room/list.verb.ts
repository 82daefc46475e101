import { choice, defineCommand, text, type VerbInput } from '../spec.js';
import { ROOM_TYPES, SORT_FIELDS } from './list-constants.js';

const flags = {
  name: text('--name <text>', 'only rooms whose name contains this text (any case)'),
  ownerRef: text('--owner-ref <ref>', 'only rooms with this owner reference'),
  mode: choice('--mode <mode>', 'only group or lecture rooms', ['group', 'lecture']),
  type: choice('--type <type>', 'only rooms of this type', ROOM_TYPES),
  createdSince: text(
    '--created-since <date>',
    'only rooms created since: YYYY-MM-DD, today, yesterday, Nd (UTC), or a time with its zone',
  ),
  sortBy: choice('--sort-by <field>', 'order by this field (rooms without it last)', SORT_FIELDS),
  limit: text('--limit <n>', 'at most n rooms, after the filters and the order'),
};

/** What `enablex room list` runs with. */
export type ListInput = VerbInput<typeof flags>;

/** `enablex room list`. */
export default defineCommand({
  name: 'list',
  summary: 'list rooms (filters, order and limit apply on the client)',
  flags,
  columns: [
    'room_id',
    'name',
    'owner_ref',
    'settings.mode',
    'settings.participants',
    'settings.scheduled_time',
  ],
  examples: [
    ['every room as a table', 'enablex room list'],
    ["ids of one owner's rooms", 'enablex room list --owner-ref team-7 -q'],
    [
      'the next five scheduled rooms',
      'enablex room list --type scheduled --sort-by scheduled_time --limit 5',
    ],
    ['lecture rooms made this week', 'enablex room list --mode lecture --created-since 7d'],
    ['chosen fields as CSV', 'enablex room list -o csv --fields room_id,name,settings.mode'],
  ],
  load: () => import('./list.js'),
});
