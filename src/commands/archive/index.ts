import { Option, type Command } from 'commander';
import { examples, type ActionFactory } from '../define.js';
import { addReportFilterFlags } from '../report-filter.js';

/** Columns of `archive` as a table (a summary row per session; other formats print whole entries). */
export const ARCHIVE_COLUMNS = [
  'conf_num',
  'room_id',
  'trans_date',
  'recording',
  'transcoded',
  'chatdata',
  'metadata',
] as const;

/** `enablex archive [filters]` and `enablex archive download [filters] --dir <dir>`. */
export function registerArchive(program: Command, action: ActionFactory): void {
  const archive = addReportFilterFlags(
    program
      .command('archive')
      .description('list session archives: recordings, transcoded video, chat and metadata files'),
  )
    .addOption(
      new Option(
        '--out <file>',
        'write the list to this file (atomically) instead of stdout; format from -o, else the extension, else JSON',
      ),
    )
    .addHelpText(
      'after',
      examples(
        ['archives of one room as a table', 'enablex archive --room 5f3b2c1a9d8e7f6a5b4c3d2e'],
        ['last week, as JSON for jq', 'enablex archive --from 7d --to today -o json'],
        ['one session, saved for an audit', 'enablex archive --conf 10004217 --out archive-10004217.json'],
      ),
    )
    .action(action(() => import('./list.js')));

  addReportFilterFlags(
    archive
      .command('download')
      .description(
        'fetch the archive files (recording credentials needed); re-runs skip complete files and resume partial ones',
      ),
  )
    .addOption(new Option('--dir <dir>', 'folder to save into (created if missing)').makeOptionMandatory())
    .addOption(new Option('--concurrency <n>', 'files fetched at the same time (1-16)').default('4'))
    .addOption(
      new Option('--dry-run', 'list what would be fetched (and what is already complete); fetch nothing'),
    )
    .addHelpText(
      'after',
      examples(
        [
          "one room's sessions of November",
          'enablex archive download --room 5f3b2c1a9d8e7f6a5b4c3d2e --from 2026-11-01 --to 2026-11-30 --dir ./audit',
        ],
        [
          'see first what would be fetched',
          'enablex archive download --from 7d --to today --dir ./audit --dry-run',
        ],
        [
          "one session, 8 files at a time, with a profile's recording credentials",
          'enablex --profile prod archive download --conf 10004217 --dir ./audit --concurrency 8',
        ],
      ),
    )
    .action(action(() => import('./download.js')));
}
