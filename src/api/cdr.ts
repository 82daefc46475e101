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
export async function getCdr(http: Http, filter: ReportFilter): Promise<CdrRecord[]> {
  const path = paths.report('cdr', filter);
  const body = await http.request<{ cdr?: unknown }>({ method: 'GET', path });
  const records = body?.cdr;
  if (records === undefined || records === null) return [];
  if (!Array.isArray(records)) {
    throw unexpectedShape(`GET /${path}`, '"cdr" is not a list');
  }
  return records.filter((r): r is CdrRecord => typeof r === 'object' && r !== null && !Array.isArray(r));
}
