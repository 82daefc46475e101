import { reportFilterFlags } from '../report-filter-flags.js';
import { defineCommand, text, type VerbInput } from '../spec.js';
import download from './download.verb.js';

const flags = {
  ...reportFilterFlags(),
  out: text(
    '--out <file>',
    'write the list to this file (atomically) instead of stdout; format from -o, else the extension, else JSON',
    { complete: 'file' },
  ),
};

/** What `enablex archive` (the list) runs with. */
export type ArchiveInput = VerbInput<typeof flags>;

/** `enablex archive [filters]` (the list) and `enablex archive download [filters] --dir <dir>`. */
export default defineCommand({
  name: 'archive',
  summary: 'list session archives: recordings, transcoded video, chat and metadata files',
  flags,
  // A summary row per session as a table; other formats print whole entries.
  columns: ['conf_num', 'room_id', 'trans_date', 'recording', 'transcoded', 'chatdata', 'metadata'],
  examples: [
    ['archives of one room as a table', 'enablex archive --room 5f3b2c1a9d8e7f6a5b4c3d2e'],
    ['last week, as JSON for jq', 'enablex archive --from 7d --to today -o json'],
    ['one session, saved for an audit', 'enablex archive --conf 10004217 --out archive-10004217.json'],
  ],
  load: () => import('./list.js'),
  subcommands: [download],
});
