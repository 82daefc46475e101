import type { ReportFilter } from '../api/paths.js';
import { UsageError } from '../lib/errors.js';
import { checkConf, checkNotFuture } from './filter-rules.js';
import { checkRoomRef } from './room-ref.js';
import type { reportFilterFlags } from './report-filter-flags.js';
import type { FlagValues } from './spec.js';

/** The values of the four filter flags, as `run` reads them. */
type FilterFlags = Partial<FlagValues<ReturnType<typeof reportFilterFlags>>>;

const DAY_MS = 86_400_000;

/**
 * `YYYY-MM-DD` of a UTC instant.
 * @internal Exported for its table test: the rule itself is what the test checks.
 */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Reads a report date: `YYYY-MM-DD` (a real calendar day), `today`, `yesterday`, or `Nd` (N days
 * before today), all in UTC. Returns `YYYY-MM-DD`.
 */
export function parseReportDate(raw: string, flag: string, now: Date): string {
  const value = raw.trim().toLowerCase();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (value === 'today') return isoDay(new Date(today));
  if (value === 'yesterday') return isoDay(new Date(today - DAY_MS));
  const rel = /^(\d{1,4})d$/.exec(value);
  if (rel) return isoDay(new Date(today - Number(rel[1]) * DAY_MS));
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m)
    throw new UsageError(
      `${flag} "${raw}" is not a date: use YYYY-MM-DD, today, yesterday or Nd (e.g. 7d), in UTC.`,
    );
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) {
    throw new UsageError(
      `${flag} "${raw}" is not a real day${mo === 2 && d === 29 ? ` (${y} is not a leap year)` : ''}.`,
    );
  }
  return value;
}

/** Picks the API route from the flags: conf | room | period | room-period; anything else is exit 2. */
export function resolveFilter(flags: FilterFlags, now: Date): ReportFilter {
  const { conf, room, from, to } = flags;
  if (conf !== undefined) {
    if (room !== undefined || from !== undefined || to !== undefined) {
      throw new UsageError(
        '--conf cannot be combined with --room, --from or --to: a conference number is already one session.',
      );
    }
    return { by: 'conf', conf: checkConf(conf) };
  }
  if ((from === undefined) !== (to === undefined)) {
    throw new UsageError(
      from === undefined
        ? '--to needs --from (for example --from 7d --to today).'
        : '--from needs --to (for example --to today).',
    );
  }
  const roomId = room === undefined ? undefined : checkRoomRef(room, '--room');
  if (from !== undefined && to !== undefined) {
    const f = parseReportDate(from, '--from', now);
    const t = parseReportDate(to, '--to', now);
    if (f > t) throw new UsageError(`--from ${f} is after --to ${t}: the period must run forwards.`);
    checkNotFuture(f, now);
    return roomId ? { by: 'room-period', room: roomId, from: f, to: t } : { by: 'period', from: f, to: t };
  }
  if (roomId) return { by: 'room', room: roomId };
  throw new UsageError(
    'give a filter: --conf <conf_num>, --room <room-id>, --from <date> --to <date>, or --room with --from/--to.',
  );
}

/** Number of days from `from` to `to`, both included (`YYYY-MM-DD`, UTC); 0 when `to` is before `from`. */
export function periodDays(from: string, to: string): number {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
  return Number.isFinite(days) ? Math.max(0, days) : 0;
}

/**
 * Splits a period into consecutive, disjoint chunks of at most `days` days (inclusive bounds, UTC).
 * `days` must be a whole number >= 1 (anything else would never end).
 */
export function splitPeriod(from: string, to: string, days: number): { from: string; to: string }[] {
  if (!Number.isInteger(days) || days < 1) {
    throw new RangeError(`chunk size must be a whole number of days >= 1 (got ${days})`);
  }
  const out: { from: string; to: string }[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let start = Date.parse(`${from}T00:00:00Z`); start <= end; start += days * DAY_MS) {
    out.push({
      from: isoDay(new Date(start)),
      to: isoDay(new Date(Math.min(end, start + (days - 1) * DAY_MS))),
    });
  }
  return out;
}
