import type { Runtime } from '../../runtime.js';

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

/** Columns of the users table after `simulate` / `end`. */
export const SESSION_USER_COLUMNS = ['name', 'user_ref', 'role', 'call_num', 'joined_at'] as const;

/**
 * Prints a session: in a terminal table, a success line and its users; in any other format (or
 * -q, which prints the conf_num) the whole summary.
 */
export function printSession(
  rt: Runtime,
  summary: SessionSummary & { result?: unknown },
  headline: string,
): void {
  const { result: _result, ...shown } = summary;
  if (rt.globals.format !== 'table' || rt.globals.quiet) {
    rt.out.data(shown, { idField: 'conf_num' });
    return;
  }
  rt.out.success(headline);
  if (summary.room_deleted)
    rt.out.note(`Room ${summary.room_id} was adhoc without a duration: it is now deleted.`);
  rt.out.data(summary.users, { columns: SESSION_USER_COLUMNS });
}
