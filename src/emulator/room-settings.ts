import { EMULATOR_CODES, invalid } from './errors.js';
import { isObject, type Json, type JsonObject } from './json.js';
import { own } from './own.js';

/** Settings keys the route page documents, plus the legacy names old rooms still carry. */
const SETTING_KEYS: ReadonlySet<string> = new Set([
  'description',
  'mode',
  'scheduled',
  'adhoc',
  'scheduled_time',
  'duration',
  'moderators',
  'participants',
  'audiences',
  'hls_view_url',
  'send_audiences_stats',
  'billing_code',
  'auto_recording',
  'quality',
  'canvas',
  'screen_share',
  'abwd',
  'facex',
  'max_active_talkers',
  'knock',
  'wait_for_moderator',
  'media_zone',
  'single_file_recording',
  'role_based_recording',
  'live_recording',
  'watermark',
  'active_talker',
  'wait_moderator',
]);

const BOOLEANS = new Set([
  'scheduled',
  'adhoc',
  'send_audiences_stats',
  'auto_recording',
  'canvas',
  'screen_share',
  'abwd',
  'facex',
  'knock',
  'wait_for_moderator',
  'single_file_recording',
  'watermark',
]);
const STRINGS = new Set(['description', 'billing_code', 'hls_view_url', 'scheduled_time']);
const ENUMS: Readonly<Record<string, readonly string[]>> = {
  mode: ['group', 'lecture'],
  media_zone: ['IN', 'SG', 'US', 'XX'],
};
const RECORDING_KINDS = ['audiovideo', 'audio'];

/**
 * The result code of a bad value, per setting, from the vendor's result-code table ("Invalid
 * Value: settings.<key>"). The v2 names share their legacy name's code. Settings the table gives no
 * code of answer 10008 (auto_recording's code, the table's first generic "Invalid Value").
 */
const SETTING_CODES: Readonly<Record<string, string>> = {
  scheduled: '10003',
  participants: '10007',
  auto_recording: '10008',
  duration: '10011',
  active_talker: '10012',
  max_active_talkers: '10012',
  wait_moderator: '10013',
  wait_for_moderator: '10013',
  quality: '10014',
  adhoc: '10016',
  mode: '10019',
  moderators: '10022',
  knock: '10025',
};

/** The code for a bad value of `key` (nested keys use their top-level setting's code). */
function codeFor(key: string): string {
  const top = key.split('.')[0] ?? key;
  return own(SETTING_CODES, top) ?? EMULATOR_CODES.badValue;
}

const bad = (key: string, message: string) => invalid(codeFor(key), message);

/** A count given as a number or a numeric string (the vendor's samples send strings); undefined if neither. */
export function toCount(value: Json | undefined): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (typeof value === 'string' && /^\s*\d{1,9}\s*$/.test(value)) return Number(value);
  return undefined;
}

/** A boolean, also from the strings "true"/"false" older clients send. */
function toBool(key: string, value: Json): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw bad(key, `settings.${key} must be true or false`);
}

/**
 * The legacy `active_talker`: the vendor's samples send `true` (the real API accepted and echoed
 * it, recorded 2018); a count 1-16 (number or numeric string) is read as the v2 `max_active_talkers`.
 */
function activeTalker(value: Json): Json {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  const n = toCount(value);
  if (n === undefined || n < 1 || n > 16)
    throw bad('active_talker', 'settings.active_talker must be true, false or a whole number from 1 to 16');
  return typeof value === 'number' ? n : String(n);
}

/** The legacy `wait_moderator`: a boolean, "true"/"false", or 0/1 as older clients send. */
function waitModerator(value: Json): boolean {
  if (value === 0 || value === 1) return value === 1;
  return toBool('wait_moderator', value);
}

/** Checks one setting and returns it as the API echoes it (counts as strings). */
function normalizeOne(key: string, value: Json): Json {
  if (key === 'active_talker') return activeTalker(value);
  if (key === 'wait_moderator') return waitModerator(value);
  if (BOOLEANS.has(key)) return toBool(key, value);
  if (STRINGS.has(key)) {
    if (typeof value !== 'string') throw bad(key, `settings.${key} must be a string`);
    return value;
  }
  const allowed = own(ENUMS, key);
  if (allowed) {
    if (typeof value !== 'string' || !allowed.includes(value))
      throw bad(key, `settings.${key} must be one of ${allowed.join(', ')}`);
    return value;
  }
  switch (key) {
    case 'quality':
      if (value !== 'HD' && value !== 'SD' && value !== 'LD')
        throw invalid('10014', 'Invalid quality: use HD, SD or LD');
      return value;
    case 'duration': {
      const n = toCount(value);
      if (n === undefined || n < 10)
        throw invalid('10011', 'Invalid duration: a whole number of minutes, at least 10');
      return String(n);
    }
    case 'participants': {
      const n = toCount(value);
      if (n === undefined || n < 1)
        throw invalid('10007', 'Invalid participants: a whole number, at least 1');
      return String(n);
    }
    case 'moderators':
    case 'audiences': {
      const n = toCount(value);
      if (n === undefined) throw bad(key, `settings.${key} must be a whole number`);
      return String(n);
    }
    case 'max_active_talkers': {
      const n = toCount(value);
      if (n === undefined || n < 1 || n > 16)
        throw bad(key, `settings.${key} must be a whole number from 1 to 16`);
      return typeof value === 'number' ? n : String(n);
    }
    case 'role_based_recording':
      return roleBasedRecording(value);
    case 'live_recording':
      return liveRecording(value);
  }
  throw invalid('10009', `Unrecognised key in settings: ${key}`);
}

function roleBasedRecording(value: Json): JsonObject {
  if (!isObject(value)) throw bad('role_based_recording', 'settings.role_based_recording must be an object');
  for (const [role, kind] of Object.entries(value)) {
    if (role !== 'moderator' && role !== 'participant') {
      throw invalid('10009', `Unrecognised key in settings.role_based_recording: ${role}`);
    }
    if (typeof kind !== 'string' || !RECORDING_KINDS.includes(kind)) {
      throw bad('role_based_recording', `settings.role_based_recording.${role} must be audiovideo or audio`);
    }
  }
  return value;
}

/** The route page calls it a boolean in one place and shows an object in its sample: accept both. */
function liveRecording(value: Json): Json {
  if (typeof value === 'boolean') return value;
  if (!isObject(value))
    throw bad('live_recording', 'settings.live_recording must be true, false or an object');
  for (const [key, v] of Object.entries(value)) {
    if (key === 'auto_recording') toBool('live_recording.auto_recording', v);
    else if (key === 'url') {
      if (typeof v !== 'string') throw bad('live_recording', 'settings.live_recording.url must be a string');
    } else throw invalid('10009', `Unrecognised key in settings.live_recording: ${key}`);
  }
  return value;
}

/** Checks every key of a settings object; unknown keys give 10009. */
export function normalizeSettings(input: Json | undefined): JsonObject {
  if (input === undefined) return {};
  if (!isObject(input)) throw invalid(EMULATOR_CODES.badValue, 'settings must be an object');
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(input)) {
    if (!SETTING_KEYS.has(key)) throw invalid('10009', `Unrecognised key in settings: ${key}`);
    out[key] = normalizeOne(key, value);
  }
  return out;
}
