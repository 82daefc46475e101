import { getCdr, type CdrRecord } from '../../api/cdr.js';
import type { Http, RequestSpec } from '../../api/http.js';
import type { ReportFilter } from '../../api/paths.js';
import { InterruptedError } from '../../errors.js';
import { splitPeriod } from '../report-filter.js';
import { inOrder } from './ordered.js';

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

/** The client with `signal` added to every request it sends. */
function withSignal(http: Http, signal: AbortSignal): Http {
  return { baseUrl: http.baseUrl, request: <R>(spec: RequestSpec) => http.request<R>({ ...spec, signal }) };
}

/** Where the fetch is: for the progress line. */
export interface FetchProgress {
  chunksDone: number;
  chunks: number;
  records: number;
  duplicates: number;
}

/** What the caller keeps of one record: its id for de-duplication and a small prepared value. */
interface Prepared<T> {
  id: string | undefined;
  value: T;
}

/**
 * Fetches every chunk of the plan (a few at a time) and hands each record's prepared value to `emit`
 * in chunk order, then record order. `prepare` runs as soon as a chunk arrives, so a chunk waiting
 * for its turn holds only prepared values (output text, a few numbers), never the parsed response.
 *
 * De-duplication by `cdr_id`: period chunks are disjoint by date, so a record can only repeat inside
 * one answer or across two neighbouring chunks (a call around midnight, if the API filters by
 * overlap). Only the ids of the previous and the current chunk are remembered, so memory stays
 * bounded by two chunks, not by the whole export. Records without a `cdr_id` are never dropped.
 * The first chunk to fail cancels the chunk requests still running and fails the fetch at once
 * with its own error.
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
  const filters = chunkFilters(plan);
  const state: FetchProgress = { chunksDone: 0, chunks: filters.length, records: 0, duplicates: 0 };
  const tasks = filters.map((filter) => async (signal: AbortSignal): Promise<Prepared<T>[]> => {
    // Every chunk request carries the export's signal: the first failed chunk cancels the others.
    const records = await getCdr(withSignal(http, signal), filter);
    return records.map((r) => ({
      id: typeof r.cdr_id === 'string' && r.cdr_id !== '' ? r.cdr_id : undefined,
      value: opts.prepare(r),
    }));
  });
  let previous = new Set<string>();
  for await (const chunk of inOrder(tasks, plan.concurrency)) {
    if (opts.signal.aborted) throw new InterruptedError();
    const current = new Set<string>();
    for (const { id, value } of chunk) {
      if (id !== undefined) {
        if (previous.has(id) || current.has(id)) {
          state.duplicates += 1;
          continue;
        }
        current.add(id);
      }
      await opts.emit(value);
      state.records += 1;
    }
    previous = current;
    state.chunksDone += 1;
    opts.progress?.({ ...state });
  }
  if (opts.signal.aborted) throw new InterruptedError();
  return state;
}
