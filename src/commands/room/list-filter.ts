import type { Room } from '../../api/rooms.js';
import { UsageError } from '../../lib/errors.js';
import { formatUtc, parseDateTime } from '../../lib/time.js';
import { wholeFlag } from '../../lib/validate.js';
import { parseReportDate } from '../report-filter.js';
import { roomKind } from './rules.js';

/** The options of `room list`, as commander gives them (enums already checked by their parsers). */
interface ListFlags {
  name?: string | undefined;
  ownerRef?: string | undefined;
  mode?: string | undefined;
  type?: string | undefined;
  createdSince?: string | undefined;
  sortBy?: string | undefined;
  limit?: string | undefined;
}

/** The checked query: filters, then order, then limit. */
interface ListQuery {
  name?: string | undefined;
  ownerRef?: string | undefined;
  mode?: string | undefined;
  type?: string | undefined;
  createdSince?: Date | undefined;
  sortBy?: string | undefined;
  limit?: number | undefined;
}

/**
 * Checks the flags before any request (exit 2 naming the flag). `--created-since` takes a day as
 * the reports do (`YYYY-MM-DD`, `today`, `yesterday`, `7d`, UTC) or a time as `--scheduled-time` does.
 */
export function listQuery(flags: ListFlags, now: Date): ListQuery {
  const query: ListQuery = {
    name: flags.name,
    ownerRef: flags.ownerRef,
    mode: flags.mode,
    type: flags.type,
    sortBy: flags.sortBy,
  };
  if (flags.limit !== undefined) query.limit = wholeFlag(flags.limit, '--limit', 1, 1_000_000);
  if (flags.createdSince !== undefined) {
    const raw = flags.createdSince;
    let since: Date;
    if (raw.includes(':')) {
      const at = parseDateTime(raw);
      if (typeof at === 'string') throw new UsageError(`--created-since: ${at}.`);
      since = at;
    } else {
      since = new Date(`${parseReportDate(raw, '--created-since', now)}T00:00:00Z`);
    }
    if (since.getTime() > now.getTime()) {
      throw new UsageError(
        `--created-since ${formatUtc(since)} UTC is in the future (now is ${formatUtc(now)} UTC): no room can match.`,
      );
    }
    query.createdSince = since;
  }
  return query;
}

const time = (v: unknown): number | undefined => {
  if (typeof v !== 'string' || v === '') return undefined;
  const t = Date.parse(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(v) ? `${v.replace(' ', 'T')}Z` : v);
  return Number.isNaN(t) ? undefined : t;
};

/** The sort key of a room; undefined sorts last whatever the field. */
function sortKey(room: Room, field: string): string | number | undefined {
  if (field === 'name') return typeof room.name === 'string' ? room.name.toLowerCase() : undefined;
  if (field === 'created') return time(room.created);
  return time(room.settings?.['scheduled_time']);
}

/** The rooms the query keeps, in its order, at most its limit. Pure. */
export function applyListQuery(rooms: readonly Room[], q: ListQuery): Room[] {
  const needle = q.name?.toLowerCase();
  let kept = rooms.filter((r) => {
    if (
      needle &&
      !String(r.name ?? '')
        .toLowerCase()
        .includes(needle)
    )
      return false;
    if (q.ownerRef && r.owner_ref !== q.ownerRef) return false;
    // A room without a mode is a group room: the API's default.
    if (q.mode && (r.settings?.['mode'] ?? 'group') !== q.mode) return false;
    if (q.type && roomKind(r.settings) !== q.type) return false;
    if (q.createdSince) {
      const created = time(r.created);
      if (created === undefined || created < q.createdSince.getTime()) return false;
    }
    return true;
  });
  if (q.sortBy) {
    const field = q.sortBy;
    // Stable: rooms with equal keys keep the API's order.
    kept = kept
      .map((room, i) => ({ room, i, key: sortKey(room, field) }))
      .sort((a, b) => {
        if (a.key === undefined || b.key === undefined)
          return a.key === b.key ? a.i - b.i : a.key === undefined ? 1 : -1;
        if (a.key < b.key) return -1;
        if (a.key > b.key) return 1;
        return a.i - b.i;
      })
      .map((x) => x.room);
  }
  return q.limit === undefined ? kept : kept.slice(0, q.limit);
}
