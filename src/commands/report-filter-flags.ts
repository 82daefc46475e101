import { text } from './spec.js';

/**
 * The four filter flags of `archive`, `archive download`, `cdr` and `cdr summary`, so they read the
 * same everywhere; resolveFilter() holds their rules. No defaults: a default on a noun would hide
 * the value given after its verb. `shared: true` for a verb that declares them like its noun (the
 * value is read from either: see `readInput` in src/commands/adapter.ts).
 */
export function reportFilterFlags(extras: { shared?: boolean } = {}) {
  return {
    conf: text('--conf <conf_num>', 'one session: its conference number', extras),
    room: text(
      '--room <room-id>',
      'one room, by id or name (alone: all its records; with --from/--to: that period)',
      { ...extras, complete: 'rooms' },
    ),
    from: text('--from <date>', 'first day, UTC: YYYY-MM-DD, today, yesterday or Nd (N days ago)', extras),
    to: text('--to <date>', 'last day, UTC, included (same forms as --from)', extras),
  };
}
