import { bool, defineCommand, text, textWithDefault, type VerbInput } from '../spec.js';

const flags = {
  file: text('-f, --file <path>', 'the rooms file, YAML or JSON ("-" for stdin)', { complete: 'file' }),
  dryRun: bool('--dry-run', 'print the plan, change nothing'),
  exitCode: bool('--exit-code', 'with --dry-run: exit 8 when changes are pending, 0 when none'),
  prune: bool('--prune', "delete live rooms of the file's owner_refs that the file does not list"),
  replace: bool('--replace', 'delete and re-create rooms whose mode, scheduled or adhoc differ (new ids)'),
  concurrency: textWithDefault('--concurrency <n>', 'requests at a time (1-32)', '4'),
};

/** What `enablex room apply` runs with. */
export type ApplyInput = VerbInput<typeof flags>;

/** `enablex room apply -f rooms.yaml`. */
export default defineCommand({
  name: 'apply',
  summary: 'make the live rooms match a rooms file: create, update, and with flags re-create or delete',
  flags,
  examples: [
    [
      'see what would change; exit 8 if anything would',
      'enablex room apply -f rooms.yaml --dry-run --exit-code',
    ],
    ['apply it, deleting rooms the file no longer lists', 'enablex room apply -f rooms.yaml --prune --yes'],
    [
      'round trip: export, then apply (no changes)',
      'enablex room export > rooms.yaml && enablex room apply -f rooms.yaml',
    ],
    ['the plan as data', 'enablex room apply -f rooms.yaml --dry-run -o json'],
  ],
  load: () => import('./apply.js'),
});
