import { EMULATOR_CODES, invalid } from './errors.js';
import { isObject, type Json, type JsonObject } from './json.js';
import { hashString } from './prng.js';
import { normalizeSettings, toCount } from './room-settings.js';
import type { ApiRoom } from './state.js';
import { parseScheduledTime } from './time.js';

const TOP_KEYS = new Set(['name', 'owner_ref', 'settings', 'sip', 'data']);
const FIXED_TYPE_KEYS = ['mode', 'scheduled', 'adhoc'];

/**
 * Participant limits. The route page gives 1-300 for scheduled rooms and 1-1000 for scheduled
 * lecture rooms; for the others it ties the limit to about 1600 streams ("1-200 with 8 talkers"):
 * participants x max_active_talkers <= 1600, at most 1000, and 200 when no talker count is given.
 * This is the CLI's own rule, so the emulator never refuses a count the CLI lets through.
 */
export function participantLimit(settings: JsonObject): number {
  if (settings['scheduled'] === true) return settings['mode'] === 'lecture' ? 1000 : 300;
  const talkers = toCount(settings['max_active_talkers']);
  return talkers ? Math.min(1000, Math.floor(1600 / talkers)) : 200;
}

/** The body as an object, or 10001 when it is some other JSON value. */
function asObject(body: Json | undefined): JsonObject {
  if (body === undefined) return {};
  if (!isObject(body)) throw invalid(EMULATOR_CODES.badJson, 'The body must be a JSON object');
  for (const key of Object.keys(body)) {
    if (!TOP_KEYS.has(key)) throw invalid('10009', `Unrecognised key: ${key}`);
  }
  return body;
}

function requiredText(value: Json | undefined, code: string, what: string): string {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || value.trim() === '') throw invalid(code, `${what} is missing`);
  return value;
}

/** Rules that look at several settings together; `checkTime` is off when a PATCH leaves the time alone. */
function roomRules(settings: JsonObject, now: Date, checkTime: boolean): void {
  if (settings['scheduled'] === true && settings['adhoc'] === true) {
    throw invalid('10017', 'A room cannot be both scheduled and adhoc');
  }
  const time = settings['scheduled_time'];
  if (typeof time === 'string' && checkTime) {
    const parsed = parseScheduledTime(time);
    if (!parsed.ok && parsed.why === 'format') {
      throw invalid('10005', 'Invalid scheduled_time format: use YYYY-MM-DD HH:MM:SS (UTC)');
    }
    if (!parsed.ok) throw invalid('10006', `Unable to read scheduled_time: ${time}`);
    if (settings['scheduled'] === true && parsed.at.getTime() <= now.getTime()) {
      throw invalid('10006', 'scheduled_time is in the past');
    }
  }
  if (settings['scheduled'] === true) {
    if (time === undefined) throw invalid('10004', 'scheduled_time is missing for a scheduled room');
    if (settings['duration'] === undefined)
      throw invalid('10011', 'duration is missing for a scheduled room');
  }
  const participants = toCount(settings['participants']);
  const limit = participantLimit(settings);
  if (participants !== undefined && participants > limit) {
    throw invalid('10007', `Invalid participants: this room type allows 1 to ${limit}`);
  }
}

/**
 * The `sip` object as the API answers it: an enabled one carries a PIN and a meeting id (numbers).
 * A disabled one is not kept: the real API dropped `"sip": {"enabled": false}` from its echo (recorded 2018).
 */
function sipFor(input: Json | undefined, roomId: string, previous?: JsonObject): JsonObject | undefined {
  if (input === undefined) return previous;
  if (!isObject(input)) throw invalid(EMULATOR_CODES.badValue, 'sip must be an object');
  for (const key of Object.keys(input)) {
    if (key !== 'enabled') throw invalid('10009', `Unrecognised key in sip: ${key}`);
  }
  if (input['enabled'] !== undefined && typeof input['enabled'] !== 'boolean') {
    throw invalid(EMULATOR_CODES.badValue, 'sip.enabled must be true or false');
  }
  if (input['enabled'] !== true) return undefined;
  const h = hashString(roomId);
  return { enabled: true, pin: 100000 + (h % 900000), meeting_id: 100000000 + (h % 900000000) };
}

function dataFor(input: Json | undefined, previous?: JsonObject): JsonObject | undefined {
  if (input === undefined) return previous;
  if (!isObject(input)) throw invalid(EMULATOR_CODES.badValue, 'data must be an object');
  return input;
}

/** Settings the real API leads its echo with, in this order (recorded 2018); the rest keep the request's order. */
const HEAD_SETTINGS = ['description', 'mode', 'scheduled', 'adhoc'];
/** Settings the real API dropped from an adhoc room (recorded 2018: `duration`, `wait_moderator`). */
const NOT_FOR_ADHOC = ['duration', 'wait_moderator', 'wait_for_moderator'];

/**
 * The settings a room keeps, shaped as the real API shapes them: the type keys filled in and put
 * first, an empty `scheduled_time` of an unscheduled room left out (the vendor's Node samples send
 * `""`), settings that do not apply to an adhoc room dropped, and `moderators` last (as in the
 * recorded tokens' `roomMeta`).
 */
function shapeSettings(input: JsonObject): JsonObject {
  const merged: JsonObject = { mode: 'group', scheduled: false, adhoc: false, ...input };
  if (merged['scheduled_time'] === '') delete merged['scheduled_time'];
  if (merged['adhoc'] === true) for (const key of NOT_FOR_ADHOC) delete merged[key];
  const out: JsonObject = {};
  for (const key of HEAD_SETTINGS) if (merged[key] !== undefined) out[key] = merged[key] as Json;
  for (const [key, value] of Object.entries(merged))
    if (!HEAD_SETTINGS.includes(key) && key !== 'moderators') out[key] = value;
  if (merged['moderators'] !== undefined) out['moderators'] = merged['moderators'];
  return out;
}

/** Validates a POST /rooms body and builds the room as stored (GET and tokens show it). */
export function buildRoom(body: Json | undefined, now: Date, roomId: string): ApiRoom {
  const input = asObject(body);
  const name = requiredText(input['name'], '10002', 'Room name');
  const ownerRef = requiredText(input['owner_ref'], '10010', 'owner_ref');
  const settings = shapeSettings(normalizeSettings(input['settings']));
  roomRules(settings, now, true);
  const sip = sipFor(input['sip'], roomId);
  const data = dataFor(input['data']);
  return {
    name,
    owner_ref: ownerRef,
    settings,
    ...(sip ? { sip } : {}),
    ...(data ? { data } : {}),
    created: now.toISOString(),
    room_id: roomId,
  };
}

/**
 * The room as POST /rooms answers it. The real API's answer for an adhoc room left out
 * `moderators`, which the same room's tokens then carried (recorded 2018): the echo does the same.
 */
export function createdEcho(room: ApiRoom): ApiRoom {
  if (room.settings['adhoc'] !== true || room.settings['moderators'] === undefined) return room;
  const { moderators: _moderators, ...settings } = room.settings;
  return { ...room, settings };
}

/** Validates a PATCH body and returns the updated room; the room type cannot change (10106). */
export function patchRoom(current: ApiRoom, body: Json | undefined, now: Date): ApiRoom {
  const input = asObject(body);
  const rawSettings = input['settings'];
  if (isObject(rawSettings)) {
    const fixed = FIXED_TYPE_KEYS.find((k) => Object.hasOwn(rawSettings, k));
    if (fixed) throw invalid('10106', `Room ${fixed} cannot be updated`);
  }
  const patch = normalizeSettings(rawSettings);
  const settings = shapeSettings({ ...current.settings, ...patch });
  roomRules(settings, now, 'scheduled_time' in patch);
  const { sip: _sip, data: _data, ...rest } = current;
  const objectOrNone = (v: Json | undefined) => (isObject(v) ? v : undefined);
  const sip = sipFor(input['sip'], current.room_id, objectOrNone(current['sip']));
  const data = dataFor(input['data'], objectOrNone(current['data']));
  return {
    ...rest,
    name: input['name'] === undefined ? current.name : requiredText(input['name'], '10002', 'Room name'),
    owner_ref:
      input['owner_ref'] === undefined
        ? current.owner_ref
        : requiredText(input['owner_ref'], '10010', 'owner_ref'),
    settings,
    ...(sip ? { sip } : {}),
    ...(data ? { data } : {}),
  };
}
