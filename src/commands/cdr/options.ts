import { UsageError } from '../../lib/errors.js';
import type { Globals } from '../../globals.js';
import { formatForPath } from '../../output/path-format.js';
import type { Format } from '../../output/formats.js';
import { wholeFlag } from '../../lib/validate.js';
import { periodDays, resolveFilter } from '../report-filter.js';
import type { FlagValues } from '../spec.js';
import {
  DEFAULT_CHUNK_DAYS,
  DEFAULT_CONCURRENCY,
  MAX_CHUNK_DAYS,
  MAX_CONCURRENCY,
  MAX_REQUESTS,
  type cdrFilterFlags,
} from './flags.js';
import type { FetchPlan } from './fetch.js';

/** The values of the filter and chunking flags, as `run` reads them. */
type CdrFlags = Partial<FlagValues<ReturnType<typeof cdrFilterFlags>>>;

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
