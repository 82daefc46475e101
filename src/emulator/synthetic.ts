import { buildCdr, clientFor } from './cdr-record.js';
import type { JsonObject } from './json.js';
import { hashString, mulberry32, pick } from './prng.js';
import { DAY_MS, parseDay } from './time.js';

/** Synthetic CDR for benchmarks: `count` records spread evenly over [from, to]. */
export interface SyntheticCdrOptions {
  count: number;
  /** `YYYY-MM-DD` (start of that day) or an ISO time. */
  from: string;
  /** `YYYY-MM-DD` (end of that day) or an ISO time. */
  to: string;
}

/** A checked synthetic configuration. */
export interface SyntheticPlan {
  count: number;
  fromMs: number;
  toMs: number;
  stepMs: number;
  appId: string;
}

/** Which records a report route asks for; times are [fromMs, toMs). */
export interface ReportFilter {
  conf?: string;
  room?: string;
  fromMs?: number;
  toMs?: number;
}

/** Users per synthetic conference. */
const USERS_PER_CONF = 4;
/** How many synthetic rooms the conferences rotate through (conference c is in room c mod 12). */
export const SYNTHETIC_ROOMS = 12;
const CONF_BASE = 90_000_000;
const NAMES = ['Ava', 'Bruno', 'Chloe', 'Dev', 'Elif', 'Femi', 'Goran', 'Hiro', 'Ines', 'Jonas'];

/** The id of synthetic room k: `e0` and 22 hex digits (an ObjectId time far in the future, never a real one). */
export function syntheticRoomId(k: number): string {
  return `e0${k.toString(16).padStart(22, '0')}`;
}

/** The conf_num of synthetic conference c: 9xxxxxxx, apart from real ones (1xxxxxxx). */
function syntheticConfNum(c: number): string {
  return String(CONF_BASE + c);
}

function parseEdge(text: string, end: boolean): number {
  const day = parseDay(text);
  if (day) return day.getTime() + (end ? DAY_MS : 0);
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`synthetic CDR: "${text}" is not a date (YYYY-MM-DD or ISO 8601)`);
  return ms;
}

/** Checks the options; throws an Error with a readable message. */
export function planSynthetic(opts: SyntheticCdrOptions, appId: string): SyntheticPlan {
  if (!Number.isInteger(opts.count) || opts.count < 0 || opts.count > 50_000_000) {
    throw new Error('synthetic CDR: count must be a whole number from 0 to 50000000');
  }
  const fromMs = parseEdge(opts.from, false);
  const toMs = parseEdge(opts.to, true);
  if (toMs <= fromMs) throw new Error('synthetic CDR: the period must end after it starts');
  return { count: opts.count, fromMs, toMs, stepMs: (toMs - fromMs) / Math.max(1, opts.count), appId };
}

/** When record i was logged (its disconnect time). */
function timeOf(plan: SyntheticPlan, i: number): number {
  return Math.floor(plan.fromMs + (i + 0.5) * plan.stepMs);
}

function matches(plan: SyntheticPlan, i: number, f: ReportFilter): boolean {
  const c = Math.floor(i / USERS_PER_CONF);
  if (f.conf !== undefined && syntheticConfNum(c) !== f.conf) return false;
  if (f.room !== undefined && syntheticRoomId(c % SYNTHETIC_ROOMS) !== f.room) return false;
  const t = timeOf(plan, i);
  return (f.fromMs === undefined || t >= f.fromMs) && (f.toMs === undefined || t < f.toMs);
}

/** The indexes of the records a filter selects, in order, without visiting the others. */
export function* syntheticIndexes(plan: SyntheticPlan, f: ReportFilter): Generator<number> {
  let lo = 0;
  let hi = plan.count - 1;
  if (f.fromMs !== undefined) lo = Math.max(lo, Math.floor((f.fromMs - plan.fromMs) / plan.stepMs - 0.5) - 1);
  if (f.toMs !== undefined) hi = Math.min(hi, Math.ceil((f.toMs - plan.fromMs) / plan.stepMs - 0.5) + 1);
  if (f.conf !== undefined) {
    const c = Number(f.conf) - CONF_BASE;
    if (!Number.isInteger(c) || c < 0) return;
    lo = Math.max(lo, c * USERS_PER_CONF);
    hi = Math.min(hi, c * USERS_PER_CONF + USERS_PER_CONF - 1);
  }
  if (f.room !== undefined) {
    const k = Array.from({ length: SYNTHETIC_ROOMS }, (_, n) => n).find((n) => syntheticRoomId(n) === f.room);
    if (k === undefined) return;
    // Only conferences c with c mod 12 === k are in this room: step through those alone.
    const first = Math.floor(Math.max(lo, 0) / USERS_PER_CONF);
    for (
      let c = first + ((k - (first % SYNTHETIC_ROOMS) + SYNTHETIC_ROOMS) % SYNTHETIC_ROOMS);
      c * USERS_PER_CONF <= hi;
      c += SYNTHETIC_ROOMS
    ) {
      const end = Math.min(hi, c * USERS_PER_CONF + USERS_PER_CONF - 1);
      for (let i = Math.max(lo, c * USERS_PER_CONF); i <= end; i++) if (matches(plan, i, f)) yield i;
    }
    return;
  }
  for (let i = Math.max(lo, 0); i <= hi; i++) if (matches(plan, i, f)) yield i;
}

/** The definitions of the synthetic rooms, shared by all their records (never changed). */
const ROOM_DETAILS: readonly JsonObject[] = Array.from({ length: SYNTHETIC_ROOMS }, (_, k) => ({
  room_id: syntheticRoomId(k),
  name: `Synthetic room ${k + 1}`,
  owner_ref: 'synthetic',
  settings: { mode: 'group', scheduled: false, adhoc: false, participants: '10', quality: 'SD' },
}));

/** Synthetic record i, the same on every request: full CDR shape, unique cdr_id. */
export function syntheticRecord(plan: SyntheticPlan, i: number): JsonObject {
  const random = mulberry32((hashString(plan.appId) ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
  const c = Math.floor(i / USERS_PER_CONF);
  const n = i % USERS_PER_CONF;
  const roomId = syntheticRoomId(c % SYNTHETIC_ROOMS);
  const disconnect = new Date(timeOf(plan, i));
  const connect = new Date(disconnect.getTime() - (120 + Math.floor(random() * 3480)) * 1000);
  const name = pick(random, NAMES);
  return buildCdr({
    appId: plan.appId,
    cdrId: `ee${i.toString(16).padStart(22, '0')}`,
    confNum: syntheticConfNum(c),
    callNum: `${syntheticConfNum(c)}-${n + 1}`,
    roomId,
    roomDetails: ROOM_DETAILS[c % SYNTHETIC_ROOMS] as JsonObject,
    roomSeconds: 3600,
    user: {
      role: n === 0 ? 'moderator' : 'participant',
      name,
      ref: `${name.toLowerCase()}-${i % 997}`,
      ...clientFor(random),
    },
    connect,
    disconnect,
    random,
  });
}
