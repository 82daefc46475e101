import { defineCommand, text, type VerbInput } from '../spec.js';
import { cdrFilterFlags } from './flags.js';
import summary from './summary.verb.js';

const flags = {
  out: text('--out <file>', 'write to this file, atomically (format from -o, else its extension)', {
    complete: 'file',
  }),
  ...cdrFilterFlags(),
};

/** What `enablex cdr` (the export) runs with. */
export type ExportInput = VerbInput<typeof flags>;

/** `enablex cdr [filters]` (export the records) and `enablex cdr summary [filters]`. */
export default defineCommand({
  name: 'cdr',
  summary: 'export call detail records (CSV, NDJSON, JSON, YAML, table) for billing',
  flags,
  // The default table: enough to recognise a call, narrow enough for a terminal. CSV has its own
  // fixed columns (CDR_COLUMNS in columns.ts), which scripts index by position.
  columns: [
    'trans_date',
    'conf_num',
    'room.room_id',
    'user.name',
    'user.role',
    'usage.connect_minutes_cal',
    'stats_quality.call_quality',
  ],
  examples: [
    ['last month as CSV for billing', 'enablex cdr --from 2026-10-01 --to 2026-10-31 --out cdr-october.csv'],
    [
      "one room's last 7 days as NDJSON on stdout",
      'enablex cdr --room "$ROOM" --from 7d --to today -o ndjson',
    ],
    [
      'one session, chosen columns',
      'enablex cdr --conf 10004217 -o csv --fields cdr_id,user.name,usage.connect_minutes_cal',
    ],
  ],
  notes: [
    '\nNotes:',
    "  CSV has fixed columns: the route page's CDR sample, flattened (room.room_details as JSON text).",
    '  Other keys appear only in json, ndjson and yaml. A period is fetched --chunk-days at a time and',
    '  written in order; if any request fails, the export fails and --out is not written.',
    '',
  ].join('\n'),
  load: () => import('./export.js'),
  subcommands: [summary],
});
