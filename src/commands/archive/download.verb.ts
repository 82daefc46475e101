import { reportFilterFlags } from '../report-filter-flags.js';
import { bool, defineCommand, required, text, textWithDefault, type VerbInput } from '../spec.js';

const flags = {
  ...reportFilterFlags({ shared: true }),
  dir: required('--dir <dir>', 'folder to save into (created if missing)', { complete: 'dir' }),
  concurrency: textWithDefault('--concurrency <n>', 'files fetched at the same time (1-16)', '4'),
  dryRun: bool('--dry-run', 'list what would be fetched (and what is already complete); fetch nothing'),
  // `archive`'s --out, given after `download`: read so it is refused with a pointer to --dir.
  out: text('--out <file>', 'not for download: files go into --dir', { hidden: true, shared: true }),
};

/** What `enablex archive download` runs with. */
export type DownloadInput = VerbInput<typeof flags>;

/** `enablex archive download [filters] --dir <dir>`: every file of the matching sessions. */
export default defineCommand({
  name: 'download',
  summary:
    'fetch the archive files (recording credentials needed); re-runs skip complete files and resume partial ones',
  flags,
  examples: [
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
  ],
  load: () => import('./download.js'),
});
