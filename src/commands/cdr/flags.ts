import { reportFilterFlags } from '../report-filter-flags.js';
import { text } from '../spec.js';

/** Days per request when a period is split. One day keeps a chunk of a busy app to a few MB. */
export const DEFAULT_CHUNK_DAYS = 1;
/** Chunk requests in flight at once. */
export const DEFAULT_CONCURRENCY = 3;
export const MAX_CHUNK_DAYS = 366;
export const MAX_CONCURRENCY = 10;
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
