import { streamCdr, type CdrRecord } from '../../api/cdr.js';
import type { Http } from '../../api/http.js';
import type { ReportFilter } from '../../api/paths.js';
import { InterruptedError } from '../../lib/errors.js';
import { splitPeriod } from '../report-filter.js';
import { removeDeadRunFiles, removeSpoolFolder } from '../../lib/fs/spool-files.js';
import { collectIfAbove } from '../../heap.js';
import { inOrder } from '../../lib/ordered.js';
import { MEMORY_BUDGET, Spool } from './spool.js';

/** How to fetch: chunk size for periods and how many chunk requests run at once. */
export interface FetchPlan {
  filter: ReportFilter;
  chunkDays: number;
  concurrency: number;
}

/** The requests one filter turns into: a period is split into chunks, other filters are one request. */
export function chunkFilters(plan: FetchPlan): ReportFilter[] {
  const f = plan.filter;
  if (f.by !== 'period' && f.by !== 'room-period') return [f];
  return splitPeriod(f.from, f.to, plan.chunkDays).map((c) => ({ ...f, from: c.from, to: c.to }));
}

/** Where the fetch is: for the progress line. */
export interface FetchProgress {
  chunksDone: number;
  chunks: number;
  records: number;
  duplicates: number;
}

/** Records between two looks at the heap (a look costs about a microsecond). */
const HEAP_CHECK_EVERY = 2048;

/**
 * Fetches every chunk of the plan (a few at a time) and hands each record's prepared value to `emit`
 * in chunk order, then record order. Each answer is parsed as a stream and `prepare` runs on each
 * record as it arrives, so no answer is ever held whole: a chunk waiting for its turn keeps only
 * its prepared values (output text, a few numbers), in a spool that moves to a temp file past a
 * fixed budget. Memory stays flat whatever the period and the chunk size.
 *
 * De-duplication by `cdr_id`: period chunks are disjoint by date, so a record can only repeat inside
 * one answer or across two neighbouring chunks (a call around midnight, if the API filters by
 * overlap). Only the ids of the previous and the current chunk are remembered. Records without a
 * `cdr_id` are never dropped. The first chunk to fail cancels the chunk requests still running and
 * fails the fetch at once with its own error; a retried chunk starts its spool over.
 */
export async function fetchRecords<T>(
  http: Http,
  plan: FetchPlan,
  opts: {
    prepare: (record: CdrRecord) => T;
    emit: (value: T) => void | Promise<void>;
    progress?: (p: FetchProgress) => void;
    signal: AbortSignal;
  },
): Promise<FetchProgress> {
  removeDeadRunFiles();
  const filters = chunkFilters(plan);
  const state: FetchProgress = { chunksDone: 0, chunks: filters.length, records: 0, duplicates: 0 };
  const budget = Math.floor(MEMORY_BUDGET / Math.max(1, Math.min(plan.concurrency, filters.length)));
  const spools = new Set<Spool<T>>();
  // Records parsed or written so far: every few thousand, the heap is kept to its budget.
  let handled = 0;
  const tasks = filters.map((filter) => async (signal: AbortSignal) => {
    const spool = new Spool<T>(budget);
    spools.add(spool);
    // Ids seen in this answer: a record repeated inside one answer is dropped as it arrives.
    let seen = new Set<string>();
    let repeats = 0;
    // Every chunk request carries the export's signal: the first failed chunk cancels the others.
    await streamCdr(
      http,
      filter,
      signal,
      (r) => {
        const id = typeof r.cdr_id === 'string' && r.cdr_id !== '' ? r.cdr_id : undefined;
        if (id !== undefined) {
          if (seen.has(id)) {
            repeats += 1;
            return;
          }
          seen.add(id);
        }
        if (++handled % HEAP_CHECK_EVERY === 0) collectIfAbove();
        return spool.push(id, opts.prepare(r));
      },
      async () => {
        await spool.discard();
        seen = new Set();
        repeats = 0;
      },
    );
    return { spool, ids: seen, repeats };
  });
  let previous = new Set<string>();
  try {
    for await (const chunk of inOrder(tasks, plan.concurrency)) {
      if (opts.signal.aborted) throw new InterruptedError();
      state.duplicates += chunk.repeats;
      await chunk.spool.drain(async (id, value) => {
        if (id !== undefined && previous.has(id)) {
          state.duplicates += 1;
          return;
        }
        await opts.emit(value);
        state.records += 1;
        if (++handled % HEAP_CHECK_EVERY === 0) collectIfAbove();
      });
      spools.delete(chunk.spool);
      previous = chunk.ids;
      state.chunksDone += 1;
      opts.progress?.({ ...state });
    }
  } finally {
    await Promise.all([...spools].map((s) => s.close()));
    removeSpoolFolder();
  }
  if (opts.signal.aborted) throw new InterruptedError();
  return state;
}
