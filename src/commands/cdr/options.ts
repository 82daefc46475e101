import { UsageError } from '../../lib/errors.js';
import type { Globals } from '../../globals.js';
import { formatForPath } from '../../output/path-format.js';
import type { Format } from '../../output/render.js';
import { wholeFlag } from '../../lib/validate.js';
import { periodDays, reportFilterFlags, resolveFilter } from '../report-filter.js';
import { text, type FlagValues } from '../spec.js';
import type { FetchPlan } from './fetch.js';

/** Days per request when a period is split. One day keeps a chunk of a busy app to a few MB. */
export const DEFAULT_CHUNK_DAYS = 1;
/** Chunk requests in flight at once. */
export const DEFAULT_CONCURRENCY = 3;
const MAX_CHUNK_DAYS = 366;
const MAX_CONCURRENCY = 10;
/** Requests one export may make. */
export const MAX_REQUESTS = 1000;

/**
 * The filter and chunking flags of `cdr` and `cdr summary` (`shared: true` on the verb). No
 * defaults: a default on the noun would hide the value given after `summary`.
 */
export function cdrFilterFlags(extras: { shared?: boolean } = {}) {
  return {
    ...reportFilterFlags(extras),
    chunkDays: text(
      '--chunk-days <n>',
      `split the period into requests of n days (default ${DEFAULT_CHUNK_DAYS})`,
      extras,
    ),
    concurrency: text(
      '--concurrency <n>',
      `chunk requests in flight at once, 1-10 (default ${DEFAULT_CONCURRENCY})`,
      extras,
    ),
  };
}

/** The values of the filter and chunking flags, as `run` reads them. */
export type CdrFlags = Partial<FlagValues<ReturnType<typeof cdrFilterFlags>>>;

/**
 * Checks the flags and builds the fetch plan. `--chunk-days` and `--concurrency` only mean something
 * for a period (--from/--to), so giving them with --conf or a bare --room is refused.
 */
export function parsePlan(flags: CdrFlags, now: Date): FetchPlan {
  const filter = resolveFilter(flags, now);
  const periodic = filter.by === 'period' || filter.by === 'room-period';
  if (!periodic && (flags.chunkDays !== undefined || flags.concurrency !== undefined)) {
    const flag = flags.chunkDays !== undefined ? '--chunk-days' : '--concurrency';
    throw new UsageError(`${flag} needs --from and --to: only a period is split into requests.`);
  }
  const chunkDays = wholeFlag(flags.chunkDays ?? DEFAULT_CHUNK_DAYS, '--chunk-days', 1, MAX_CHUNK_DAYS);
  const concurrency = wholeFlag(
    flags.concurrency ?? DEFAULT_CONCURRENCY,
    '--concurrency',
    1,
    MAX_CONCURRENCY,
  );
  if (periodic) {
    // A typo such as --to 2099-12-31 must not turn into tens of thousands of requests.
    const days = periodDays(filter.from, filter.to);
    const requests = Math.ceil(days / chunkDays);
    if (requests > MAX_REQUESTS) {
      throw new UsageError(
        `--from ${filter.from} --to ${filter.to} spans ${days} days: in ${chunkDays}-day chunks that is ${requests} requests (at most ${MAX_REQUESTS}).`,
        `Raise --chunk-days to ${Math.ceil(days / MAX_REQUESTS)} or more, or shorten the period.`,
      );
    }
  }
  return { filter, chunkDays, concurrency };
}

/**
 * The export format: -o/--json when given; else, with --out, from the file's extension (csv when
 * it says nothing); else the table of the terminal.
 */
export function exportFormat(
  globals: Pick<Globals, 'format' | 'formatExplicit'>,
  out: string | undefined,
): Format {
  if (globals.formatExplicit) return globals.format;
  if (out === undefined) return globals.format;
  return formatForPath(out, 'csv');
}
