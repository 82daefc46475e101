import { defineCommand, text, type VerbInput } from '../spec.js';
import { cdrFilterFlags } from './flags.js';

const flags = {
  ...cdrFilterFlags({ shared: true }),
  // `cdr`'s --out, given after `summary`: read so it is refused with a pointer to a redirect.
  out: text('--out <file>', 'not for the summary: redirect it instead', { hidden: true, shared: true }),
};

/** What `enablex cdr summary` runs with. */
export type SummaryInput = VerbInput<typeof flags>;

/** `enablex cdr summary [filters]`: connected minutes by room, user and day, and call quality. */
export default defineCommand({
  name: 'summary',
  summary: 'connected minutes by room, user and day, and the call-quality split',
  flags,
  examples: [
    ['this month at a glance', 'enablex cdr summary --from 2026-11-01 --to today'],
    ['minutes per room as JSON', 'enablex cdr summary --from 30d --to today --json --fields by_room'],
  ],
  load: () => import('./summary.js'),
});
