import type { Factory } from '../../factory.js';

/** A session as the control routes describe it. */
export interface SessionSummary {
  room_id: string;
  conf_num: string;
  live: boolean;
  started_at: string;
  ends_at: string;
  total: number;
  users: Record<string, unknown>[];
  room_deleted: boolean;
}

/**
 * Prints a session: in a terminal table, a success line and its users; in any other format (or
 * -q, which prints the conf_num) the whole summary. The users table has the verb's columns.
 */
export function printSession(
  f: Pick<Factory, 'io' | 'options' | 'verb'>,
  summary: SessionSummary & { result?: unknown },
  headline: string,
): void {
  const { result: _result, ...shown } = summary;
  if (f.options.format !== 'table' || f.options.quiet) {
    f.io.data(shown, { idField: 'conf_num' });
    return;
  }
  f.io.success(headline);
  if (summary.room_deleted)
    f.io.note(`Room ${summary.room_id} was adhoc without a duration: it is now deleted.`);
  f.io.data(summary.users, { columns: f.verb.columns });
}
