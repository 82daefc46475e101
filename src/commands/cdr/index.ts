import { Option, type Command } from 'commander';
import { examples, type ActionFactory } from '../define.js';
import { addReportFilterFlags } from '../report-filter.js';
import { DEFAULT_CHUNK_DAYS, DEFAULT_CONCURRENCY } from './options.js';

/**
 * The filter and chunking flags shared by `cdr` and `cdr summary`. No commander defaults: commander
 * hands flags given after `summary` to the parent, and a default on one side would hide the other.
 */
function addFilterFlags(cmd: Command): Command {
  return addReportFilterFlags(cmd)
    .addOption(
      new Option(
        '--chunk-days <n>',
        `split the period into requests of n days (default ${DEFAULT_CHUNK_DAYS})`,
      ),
    )
    .addOption(
      new Option(
        '--concurrency <n>',
        `chunk requests in flight at once, 1-10 (default ${DEFAULT_CONCURRENCY})`,
      ),
    );
}

/** `enablex cdr [filters]` (export the records) and `enablex cdr summary [filters]`. */
export function registerCdr(program: Command, action: ActionFactory): void {
  const cdr = addFilterFlags(
    program
      .command('cdr')
      .description('export call detail records (CSV, NDJSON, JSON, YAML, table) for billing')
      .addOption(
        new Option('--out <file>', 'write to this file, atomically (format from -o, else its extension)'),
      ),
  )
    .addHelpText(
      'after',
      examples(
        [
          'last month as CSV for billing',
          'enablex cdr --from 2026-10-01 --to 2026-10-31 --out cdr-october.csv',
        ],
        [
          "one room's last 7 days as NDJSON on stdout",
          'enablex cdr --room "$ROOM" --from 7d --to today -o ndjson',
        ],
        [
          'one session, chosen columns',
          'enablex cdr --conf 10004217 -o csv --fields cdr_id,user.name,usage.connect_minutes_cal',
        ],
      ) +
        [
          '\nNotes:',
          "  CSV has fixed columns: the route page's CDR sample, flattened (room.room_details as JSON text).",
          '  Other keys appear only in json, ndjson and yaml. A period is fetched --chunk-days at a time and',
          '  written in order; if any request fails, the export fails and --out is not written.',
          '',
        ].join('\n'),
    )
    .action(action(() => import('./export.js')));

  addFilterFlags(
    cdr.command('summary').description('connected minutes by room, user and day, and the call-quality split'),
  )
    .addHelpText(
      'after',
      examples(
        ['this month at a glance', 'enablex cdr summary --from 2026-11-01 --to today'],
        ['minutes per room as JSON', 'enablex cdr summary --from 30d --to today --json --fields by_room'],
      ),
    )
    .action(action(() => import('./summary.js')));
}
