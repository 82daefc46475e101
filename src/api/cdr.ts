import { unexpectedShape } from './errors.js';
import type { Http } from './http.js';
import { paths, type ReportFilter } from './paths.js';

/**
 * One call detail record. Typed loosely on purpose: the records drifted over time (booleans once
 * sent as "true"/"false", `stats_quality`, `room.room_details` and `usage.connect_minutes_cal`
 * added later, NOTES.md), so every field is optional and unknown keys are kept.
 */
export interface CdrRecord {
  cdr_id?: string;
  trans_date?: string;
  conf_num?: string;
  room?: Record<string, unknown>;
  user?: Record<string, unknown>;
  usage?: Record<string, unknown>;
  stats_quality?: Record<string, unknown>;
  [key: string]: unknown;
}

/** GET /cdr/{conf|room|period|room-period}/…: the records of one filter, `[]` when the list is null. */
async function getCdr(http: Http, filter: ReportFilter): Promise<CdrRecord[]> {
  const path = paths.report('cdr', filter);
  const body = await http.request<{ cdr?: unknown }>({ method: 'GET', path });
  const records = body?.cdr;
  if (records === undefined || records === null) return [];
  if (!Array.isArray(records)) {
    throw unexpectedShape(`GET /${path}`, '"cdr" is not a list');
  }
  return records.filter((r): r is CdrRecord => typeof r === 'object' && r !== null && !Array.isArray(r));
}

/**
 * GET /cdr/…, streamed: each record goes to `onRecord` as it arrives, so an answer of any size is
 * never held whole. `onAttempt` runs before each attempt's records (a retry starts over). Clients
 * without streaming (test doubles) fall back to getCdr.
 */
export async function streamCdr(
  http: Http,
  filter: ReportFilter,
  signal: AbortSignal | undefined,
  onRecord: (record: CdrRecord) => void | Promise<void>,
  onAttempt: () => void | Promise<void>,
): Promise<void> {
  const path = paths.report('cdr', filter);
  if (!http.streamList) {
    const records = await getCdr(
      { baseUrl: http.baseUrl, request: (spec) => http.request({ ...spec, signal }) },
      filter,
    );
    await onAttempt();
    for (const r of records) await onRecord(r);
    return;
  }
  const envelope = await http.streamList({ method: 'GET', path, signal }, 'cdr', {
    onAttempt,
    onItem: (item) => {
      if (typeof item === 'object' && item !== null && !Array.isArray(item))
        return onRecord(item as CdrRecord);
    },
  });
  const list = (envelope as { cdr?: unknown } | undefined)?.cdr;
  if (list !== undefined && list !== null && !Array.isArray(list)) {
    throw unexpectedShape(`GET /${path}`, '"cdr" is not a list');
  }
}
