import type { CdrRecord } from '../../api/cdr.js';
import { getPath } from '../../output/flatten.js';

/** A number from a number or a numeric string (records drifted); undefined otherwise. */
function numeric(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

function text(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

/** A usable amount: a finite, non-negative number (or numeric string); undefined otherwise. */
function amount(value: unknown): number | undefined {
  const n = numeric(value);
  return n !== undefined && n >= 0 ? n : undefined;
}

/**
 * Billed connected minutes of one record: `usage.connect_minutes_cal` (minutes, rounded up: what
 * EnableX bills) when usable; otherwise `usage.connect_minutes`, which the route page gives in
 * seconds despite its name, converted and rounded up the same way. Usable means a non-negative
 * number (or numeric string). Undefined when neither is usable (missing in older records, which
 * carry only subscribed/published minutes, or `"abc"`, `-5`): the summary counts it as 0 and reports it.
 */
function knownConnectMinutes(record: unknown): number | undefined {
  const billed = amount(getPath(record, 'usage.connect_minutes_cal'));
  if (billed !== undefined) return billed;
  const seconds = amount(getPath(record, 'usage.connect_minutes'));
  return seconds === undefined ? undefined : Math.ceil(seconds / 60);
}

/** The few facts of a record the summary needs: small enough to hold a chunk of them. */
interface Facts {
  room: string | null;
  name: string | null;
  ref: string | null;
  day: string | null;
  minutes: number;
  /** False when the record has no usable usage minutes (missing or not a non-negative number; counted as 0). */
  minutesKnown: boolean;
  quality: 'good' | 'bad' | 'other';
}

/** The facts of one record. The day is the UTC day of `trans_date` (the CDR log time), else of `room.connect_dt`. */
export function factsOf(record: CdrRecord): Facts {
  const stamp = text(record.trans_date) ?? text(getPath(record, 'room.connect_dt')) ?? '';
  const day = /^\d{4}-\d{2}-\d{2}/.exec(stamp)?.[0] ?? null;
  const q = String(getPath(record, 'stats_quality.call_quality') ?? '')
    .trim()
    .toLowerCase();
  return {
    room: text(getPath(record, 'room.room_id')),
    name: text(getPath(record, 'user.name')),
    ref: text(getPath(record, 'user.ref')),
    day,
    ...(() => {
      const known = knownConnectMinutes(record);
      return { minutes: known ?? 0, minutesKnown: known !== undefined };
    })(),
    quality: q === 'good' ? 'good' : q === 'bad' ? 'bad' : 'other',
  };
}

/** Totals of one group. */
interface Tally {
  records: number;
  connect_minutes: number;
}

/** The result of `enablex cdr summary`, also its JSON shape. */
export interface CdrSummary {
  by_room: ({ room_id: string | null } & Tally)[];
  by_user: ({ name: string | null; ref: string | null } & Tally)[];
  by_day: ({ day: string | null } & Tally)[];
  quality: { good: number; bad: number; other: number };
  /** `records_without_minutes`: records with neither a usable usage.connect_minutes_cal nor usage.connect_minutes, counted as 0 minutes. */
  totals: Tally & { records_without_minutes: number };
}

/** Adds records one at a time; memory grows with distinct rooms, users and days, not with records. */
export class SummaryBuilder {
  private readonly rooms = new Map<string | null, Tally>();
  private readonly users = new Map<string, { name: string | null; ref: string | null } & Tally>();
  private readonly days = new Map<string | null, Tally>();
  private readonly quality = { good: 0, bad: 0, other: 0 };
  private readonly totals: Tally = { records: 0, connect_minutes: 0 };
  private withoutMinutes = 0;

  /** Counts one record's facts. */
  add(f: Facts): void {
    const bump = (t: Tally) => {
      t.records += 1;
      t.connect_minutes += f.minutes;
    };
    bump(getOr(this.rooms, f.room, () => ({ records: 0, connect_minutes: 0 })));
    bump(
      getOr(this.users, JSON.stringify([f.name, f.ref]), () => ({
        name: f.name,
        ref: f.ref,
        records: 0,
        connect_minutes: 0,
      })),
    );
    bump(getOr(this.days, f.day, () => ({ records: 0, connect_minutes: 0 })));
    this.quality[f.quality] += 1;
    if (!f.minutesKnown) this.withoutMinutes += 1;
    bump(this.totals);
  }

  /** Groups sorted by minutes (most first, ties by key); days in calendar order. */
  result(): CdrSummary {
    const byMinutes = (a: Tally & { key: string }, b: Tally & { key: string }) =>
      b.connect_minutes - a.connect_minutes || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    return {
      by_room: [...this.rooms]
        .map(([room, t]) => ({ key: room ?? '', room_id: room, ...t }))
        .sort(byMinutes)
        .map(({ key: _key, ...rest }) => rest),
      by_user: [...this.users]
        .map(([key, u]) => ({ key, ...u }))
        .sort(byMinutes)
        .map(({ key: _key, ...rest }) => rest),
      by_day: [...this.days]
        .map(([day, t]) => ({ day, ...t }))
        .sort((a, b) => ((a.day ?? '~') < (b.day ?? '~') ? -1 : (a.day ?? '~') > (b.day ?? '~') ? 1 : 0)),
      quality: { ...this.quality },
      totals: { ...this.totals, records_without_minutes: this.withoutMinutes },
    };
  }
}

function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}
