import { formatLocal, formatUtc, parseDateTime } from '../../lib/time.js';

/** How a setting's value is read and sent. */
export type SettingKind = 'string' | 'bool' | 'enum' | 'count' | 'int' | 'datetime' | 'url';

/**
 * One room setting, defined once: it drives the flags of `room create`/`room update`, the body
 * sent, the checks, the wizard, the completions and the README (options as data).
 */
export interface SettingSpec {
  /** The flag without dashes: `max-active-talkers`. */
  flag: string;
  /** Dotted path in the request body: `settings.max_active_talkers`. */
  path: string;
  kind: SettingKind;
  description: string;
  choices?: readonly string[];
  min?: number;
  max?: number;
  /** `mode`, `scheduled`, `adhoc`: cannot be changed after creation (result 10106). */
  immutable?: boolean;
  /** The value placeholder in help: `<n>`. */
  arg?: string;
}

/** Every documented room setting (route page, "Create a Room"). */
export const ROOM_SETTINGS: readonly SettingSpec[] = [
  {
    flag: 'description',
    path: 'settings.description',
    kind: 'string',
    arg: '<text>',
    description: 'descriptive text',
  },
  {
    flag: 'mode',
    path: 'settings.mode',
    kind: 'enum',
    choices: ['group', 'lecture'],
    immutable: true,
    arg: '<mode>',
    description: 'group (everyone talks) or lecture (moderators talk); API default group',
  },
  {
    flag: 'scheduled',
    path: 'settings.scheduled',
    kind: 'bool',
    immutable: true,
    description: 'a scheduled room (needs --scheduled-time and --duration)',
  },
  {
    flag: 'scheduled-time',
    path: 'settings.scheduled_time',
    kind: 'datetime',
    arg: '<time>',
    description: 'start, "YYYY-MM-DD HH:MM:SS" (UTC) or ISO 8601 with offset; sent as UTC',
  },
  {
    flag: 'duration',
    path: 'settings.duration',
    kind: 'count',
    min: 10,
    arg: '<minutes>',
    description: 'session length in minutes, at least 10 (required for scheduled rooms)',
  },
  {
    flag: 'adhoc',
    path: 'settings.adhoc',
    kind: 'bool',
    immutable: true,
    description: 'an adhoc room: deleted after its first session unless it has a --duration',
  },
  {
    flag: 'moderators',
    path: 'settings.moderators',
    kind: 'count',
    min: 0,
    arg: '<n>',
    description: 'moderators allowed',
  },
  {
    flag: 'participants',
    path: 'settings.participants',
    kind: 'count',
    min: 1,
    // No room type allows more than 1000; the per-type limits are checked with the other settings.
    max: 1000,
    arg: '<n>',
    description: 'participants allowed (scheduled 1-300, scheduled lecture 1-1000, others 1-200)',
  },
  {
    flag: 'audiences',
    path: 'settings.audiences',
    kind: 'count',
    min: 0,
    arg: '<n>',
    description: 'HLS audiences allowed (needs the HLS subscription)',
  },
  {
    flag: 'quality',
    path: 'settings.quality',
    kind: 'enum',
    choices: ['HD', 'SD', 'LD'],
    arg: '<quality>',
    description: 'video quality; default from the subscription',
  },
  {
    flag: 'auto-recording',
    path: 'settings.auto_recording',
    kind: 'bool',
    description: 'record sessions automatically',
  },
  {
    flag: 'screen-share',
    path: 'settings.screen_share',
    kind: 'bool',
    description: 'allow screen sharing (API default on)',
  },
  { flag: 'canvas', path: 'settings.canvas', kind: 'bool', description: 'allow canvas streaming' },
  { flag: 'abwd', path: 'settings.abwd', kind: 'bool', description: 'automatic bandwidth detection' },
  {
    flag: 'facex',
    path: 'settings.facex',
    kind: 'bool',
    description: 'Face AI (facial expression analysis)',
  },
  {
    flag: 'max-active-talkers',
    path: 'settings.max_active_talkers',
    kind: 'int',
    min: 1,
    max: 16,
    arg: '<n>',
    description: 'active talker streams, 1-16 (API default 16)',
  },
  {
    flag: 'knock',
    path: 'settings.knock',
    kind: 'bool',
    description: 'moderated entry: a moderator admits each participant',
  },
  {
    flag: 'wait-for-moderator',
    path: 'settings.wait_for_moderator',
    kind: 'bool',
    description: 'participants wait until a moderator joins',
  },
  {
    flag: 'media-zone',
    path: 'settings.media_zone',
    kind: 'enum',
    choices: ['IN', 'SG', 'US', 'XX'],
    arg: '<zone>',
    description: 'media zone: IN, SG, US, or XX (automatic)',
  },
  {
    flag: 'single-file-recording',
    path: 'settings.single_file_recording',
    kind: 'bool',
    description: 'live transcoding for two-party rooms',
  },
  {
    flag: 'record-moderator',
    path: 'settings.role_based_recording.moderator',
    kind: 'enum',
    choices: ['audiovideo', 'audio'],
    arg: '<kind>',
    description: 'what is recorded of moderators',
  },
  {
    flag: 'record-participant',
    path: 'settings.role_based_recording.participant',
    kind: 'enum',
    choices: ['audiovideo', 'audio'],
    arg: '<kind>',
    description: 'what is recorded of participants',
  },
  {
    flag: 'live-recording',
    path: 'settings.live_recording.auto_recording',
    kind: 'bool',
    description: 'live recording instead of legacy recording',
  },
  {
    flag: 'live-recording-url',
    path: 'settings.live_recording.url',
    kind: 'url',
    arg: '<url>',
    description: 'custom view URL for live recording',
  },
  { flag: 'watermark', path: 'settings.watermark', kind: 'bool', description: 'watermark recording files' },
  { flag: 'sip', path: 'sip.enabled', kind: 'bool', description: 'enable PSTN/SIP dial-in' },
  {
    flag: 'billing-code',
    path: 'settings.billing_code',
    kind: 'string',
    arg: '<code>',
    description: 'billing code for reports',
  },
  {
    flag: 'hls-view-url',
    path: 'settings.hls_view_url',
    kind: 'url',
    arg: '<url>',
    description: 'custom HLS view URL, or DEFAULT',
  },
  {
    flag: 'send-audiences-stats',
    path: 'settings.send_audiences_stats',
    kind: 'bool',
    description: 'send audience join/leave events',
  },
];

/** Commander's attribute name for a flag: `max-active-talkers` -> `maxActiveTalkers`. */
export function attributeName(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The value a setting sends, or a message naming the rule that failed. */
export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

const TRUE = new Set(['true', 'yes', 'on', '1']);
const FALSE = new Set(['false', 'no', 'off', '0']);

/**
 * Reads one setting from a flag string or a file value, by the same rule everywhere (flags, --file,
 * wizard). Counts are sent as strings (NOTES.md), scheduled_time as UTC "YYYY-MM-DD HH:MM:SS".
 * `zone` (the wizard's, where times are typed in local time) is the zone messages speak in; flags
 * are UTC, so their messages are too.
 */
export function parseSetting(spec: SettingSpec, raw: unknown, now: Date, zone?: string): Parsed {
  const text = typeof raw === 'string' ? raw.trim() : raw;
  switch (spec.kind) {
    case 'bool': {
      if (typeof text === 'boolean') return { ok: true, value: text };
      const t = String(text).toLowerCase();
      if (TRUE.has(t)) return { ok: true, value: true };
      if (FALSE.has(t)) return { ok: true, value: false };
      return { ok: false, message: 'must be true or false' };
    }
    case 'enum': {
      const match = spec.choices?.find((c) => c.toLowerCase() === String(text).toLowerCase());
      return match
        ? { ok: true, value: match }
        : { ok: false, message: `must be one of ${spec.choices?.join(', ')}` };
    }
    case 'count':
    case 'int': {
      const s = String(text);
      if (!/^\d+$/.test(s))
        return {
          ok: false,
          message: `must be a whole number${spec.min !== undefined ? ` >= ${spec.min}` : ''}`,
        };
      const n = Number(s);
      if (spec.min !== undefined && n < spec.min)
        return { ok: false, message: `must be at least ${spec.min}` };
      if (spec.max !== undefined && n > spec.max)
        return { ok: false, message: `must be at most ${spec.max}` };
      return { ok: true, value: spec.kind === 'count' ? String(n) : n };
    }
    case 'datetime': {
      const parsed = parseDateTime(String(text));
      if (typeof parsed === 'string') return { ok: false, message: parsed };
      if (parsed.getTime() <= now.getTime()) {
        const at = (d: Date) => (zone ? `${formatLocal(d, zone)} ${zone}` : `${formatUtc(d)} UTC`);
        return { ok: false, message: `must be in the future (it is ${at(parsed)}, now is ${at(now)})` };
      }
      return { ok: true, value: formatUtc(parsed) };
    }
    case 'url': {
      const s = String(text);
      if (spec.flag === 'hls-view-url' && s.toUpperCase() === 'DEFAULT')
        return { ok: true, value: 'DEFAULT' };
      try {
        const u = new URL(s);
        if (!/^(https?|rtmps?):$/.test(u.protocol))
          return { ok: false, message: 'must be an http(s) or rtmp(s) URL' };
        return { ok: true, value: s };
      } catch {
        return { ok: false, message: 'must be a full URL, e.g. https://example.com/view' };
      }
    }
    case 'string': {
      if (typeof text !== 'string' && typeof text !== 'number') return { ok: false, message: 'must be text' };
      return { ok: true, value: String(text) };
    }
  }
}
