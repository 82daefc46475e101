import type { Room, RoomBody } from '../../api/rooms.js';
import { parseDateTime } from '../../lib/time.js';
import { identityKey, type DesiredRoom } from './apply-file.js';
import { ROOM_SETTINGS } from './settings.js';

/** What apply does to one room. `skip` and `duplicate` are reported and left alone. */
export type PlanAction = 'create' | 'update' | 'replace' | 'delete' | 'unchanged' | 'skip' | 'duplicate';

/** One key that differs: the live value (undefined when unset) and the file's. */
export interface Change {
  key: string;
  from: unknown;
  to: unknown;
}

/** One line of the plan. */
export interface PlanItem {
  action: PlanAction;
  name: string;
  owner_ref: string;
  /** The live room (the old one for replace); absent for create. */
  room_id?: string;
  changes: Change[];
  /** Why a room is skipped or not matched. */
  reason?: string;
  /** duplicate: every live room with this name and owner_ref. */
  room_ids?: string[];
  /** The body to send: POST for create and replace, PATCH for update. */
  body?: RoomBody;
}

/** What the plan depends on besides the file and the live rooms. */
interface PlanOptions {
  /** Delete live rooms of the file's owner_refs that the file does not list. */
  prune: boolean;
  now: Date;
}

/** Keys the API cannot change (10106); a room differing in one must be re-created. */
const IMMUTABLE = new Set(ROOM_SETTINGS.filter((s) => s.immutable).map((s) => s.path));
/** What the API assumes for a room type key it does not echo. */
const TYPE_DEFAULTS: Record<string, unknown> = {
  'settings.mode': 'group',
  'settings.scheduled': false,
  'settings.adhoc': false,
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every leaf of a body as [dotted key, value], identity keys left out. */
function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (!isRecord(value)) return [[prefix, value]];
  return Object.entries(value).flatMap(([k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k;
    if (!prefix && (k === 'name' || k === 'owner_ref')) return [];
    return isRecord(v) ? leaves(v, key) : [[key, v] as [string, unknown]];
  });
}

/**
 * A value as compared: "10" and 10 alike, "true" and true alike, text trimmed. The API echoes counts
 * as strings and some rooms carry numbers, so the type of a scalar is never a difference.
 * @internal Exported for its table test: the rule itself is what the test checks.
 */
export function canonical(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') {
    const t = v.trim();
    return /^-?\d+(\.\d+)?$/.test(t) ? String(Number(t)) : t;
  }
  return JSON.stringify(v);
}

/** The live room as compared: `live_recording: true` (an older form) read as `{auto_recording: true}`. */
function liveView(room: Room): Record<string, unknown> {
  const settings = isRecord(room.settings) ? { ...room.settings } : {};
  if (typeof settings['live_recording'] === 'boolean')
    settings['live_recording'] = { auto_recording: settings['live_recording'] };
  return { ...room, settings };
}

function valueAt(obj: unknown, key: string): unknown {
  let cur = obj;
  for (const part of key.split('.')) {
    if (!isRecord(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

/** Settings the API drops from an adhoc room's echo (recorded 2018): a file may still hold them. */
const NOT_ECHOED_FOR_ADHOC = new Set([
  'settings.duration',
  'settings.wait_moderator',
  'settings.wait_for_moderator',
]);

/**
 * True when the API leaves `key` out of this room's echo whatever was sent: a disabled `sip` (the
 * API keeps no `{"enabled": false}`) and an adhoc room's duration. Such a key is never a change.
 */
function droppedByServer(key: string, to: unknown, live: Record<string, unknown>): boolean {
  if (key === 'sip.enabled') return canonical(to) === 'false';
  return NOT_ECHOED_FOR_ADHOC.has(key) && canonical(valueAt(live, 'settings.adhoc')) === 'true';
}

/** The keys the file sets whose live value differs (type keys compared against the API's defaults). */
function diffRoom(desired: RoomBody, live: Room): Change[] {
  const view = liveView(live);
  const changes: Change[] = [];
  for (const [key, to] of leaves(desired)) {
    const from = valueAt(view, key);
    const compared = from === undefined && key in TYPE_DEFAULTS ? TYPE_DEFAULTS[key] : from;
    if (canonical(compared) === canonical(to)) continue;
    if (from === undefined && droppedByServer(key, to, view)) continue;
    changes.push({ key, from, to });
  }
  return changes;
}

/**
 * The PATCH body for some changes: a top-level setting as the file has it; a nested object (e.g.
 * role_based_recording) and `data` merged over the live object, since the API replaces it whole.
 */
function patchBody(desired: RoomBody, live: Room, changes: readonly Change[]): RoomBody {
  const view = liveView(live);
  const body: Record<string, Record<string, unknown>> = {};
  for (const { key } of changes) {
    const [top, second] = key.split('.') as [string, string | undefined];
    const want = (desired as Record<string, unknown>)[top];
    if (top === 'settings' && second !== undefined) {
      const wanted = (want as Record<string, unknown>)[second];
      const current = valueAt(view, `settings.${second}`);
      (body['settings'] ??= {})[second] =
        isRecord(wanted) && isRecord(current) ? { ...current, ...wanted } : wanted;
    } else if (top === 'data') {
      const current = valueAt(view, 'data');
      body['data'] = { ...(isRecord(current) ? current : {}), ...(want as Record<string, unknown>) };
    } else {
      body[top] = want as Record<string, unknown>;
    }
  }
  return body as RoomBody;
}

/** The start of a scheduled room the file asks for, when it has already passed. */
function pastStart(body: RoomBody, now: Date): string | undefined {
  const time = body.settings?.['scheduled_time'];
  if (body.settings?.['scheduled'] !== true || typeof time !== 'string') return undefined;
  const at = parseDateTime(time);
  return typeof at !== 'string' && at.getTime() <= now.getTime() ? time : undefined;
}

/** What to do with one file room given the live rooms of the same name and owner_ref. */
function planOne(want: DesiredRoom, matches: Room[], now: Date): PlanItem {
  const base = { name: want.name, owner_ref: want.owner_ref };
  if (matches.length > 1) {
    const ids = matches.map((r) => r.room_id);
    return {
      ...base,
      action: 'duplicate',
      changes: [],
      room_ids: ids,
      reason: `${ids.length} live rooms have this name and owner_ref (${ids.join(', ')}); apply will not guess which one the file means`,
    };
  }
  const past = pastStart(want.body, now);
  const live = matches[0];
  if (!live) {
    const changes = leaves(want.body).map(([key, to]) => ({ key, from: undefined, to }));
    if (past)
      return {
        ...base,
        action: 'skip',
        changes,
        reason: `its scheduled_time ${past} UTC has passed and no such room exists: it cannot be created`,
      };
    return { ...base, action: 'create', changes, body: want.body };
  }
  const withId = { ...base, room_id: live.room_id };
  const changes = diffRoom(want.body, live);
  if (changes.length === 0) return { ...withId, action: 'unchanged', changes };
  const movesToPast = past !== undefined && changes.some((c) => c.key === 'settings.scheduled_time');
  if (changes.some((c) => IMMUTABLE.has(c.key))) {
    if (past)
      return {
        ...withId,
        action: 'skip',
        changes,
        reason: `it needs re-creation, but its scheduled_time ${past} UTC has passed`,
      };
    return { ...withId, action: 'replace', changes, body: want.body };
  }
  if (movesToPast)
    return {
      ...withId,
      action: 'skip',
      changes,
      reason: `its scheduled_time would move to ${past} UTC, which has passed`,
    };
  return { ...withId, action: 'update', changes, body: patchBody(want.body, live, changes) };
}

/**
 * The plan: each file room matched to live rooms by name and owner_ref, then (with prune) the live
 * rooms of the file's owner_refs that the file no longer lists. Pure: same inputs, same plan.
 */
export function computePlan(
  desired: readonly DesiredRoom[],
  live: readonly Room[],
  opts: PlanOptions,
): PlanItem[] {
  const byIdentity = new Map<string, Room[]>();
  for (const room of live) {
    const key = identityKey(room.name, room.owner_ref);
    byIdentity.set(key, [...(byIdentity.get(key) ?? []), room]);
  }
  const plan = desired.map((want) =>
    planOne(want, byIdentity.get(identityKey(want.name, want.owner_ref)) ?? [], opts.now),
  );
  if (!opts.prune) return plan;
  const owners = new Set(desired.map((d) => d.owner_ref.trim()));
  const listed = new Set(desired.map((d) => identityKey(d.name, d.owner_ref)));
  for (const room of live) {
    const owner = String(room.owner_ref ?? '').trim();
    if (!owners.has(owner) || listed.has(identityKey(room.name, room.owner_ref))) continue;
    plan.push({
      action: 'delete',
      name: String(room.name ?? ''),
      owner_ref: owner,
      room_id: room.room_id,
      changes: [],
    });
  }
  return plan;
}

/** Live rooms of the file's owner_refs that the file does not list (what --prune would delete). */
export function unlisted(desired: readonly DesiredRoom[], live: readonly Room[]): Room[] {
  return computePlan(desired, live, { prune: true, now: new Date(0) })
    .filter((i) => i.action === 'delete')
    .map((i) => live.find((r) => r.room_id === i.room_id) as Room);
}

/** True when the plan would change something (what `--exit-code` reports as 8). */
export function hasPending(plan: readonly PlanItem[]): boolean {
  return plan.some((i) => i.action !== 'unchanged' && i.action !== 'skip');
}
