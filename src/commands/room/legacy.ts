import type { RoomBody } from '../../api/rooms.js';
import { UsageError } from '../../lib/errors.js';
import type { RoomInput } from './body.js';

/**
 * Setting names of the v1 era that old rooms and the vendor's own sample servers still use. The
 * real API accepted them (a recorded log of 2018: `"active_talker": true`, `"wait_moderator": false`,
 * result 0, echoed back), so `room create --file` passes them through as given, after a check of
 * their value, and says which v2 name replaces each.
 */
const LEGACY: Readonly<
  Record<string, { replacement: string; check(value: unknown): boolean; rule: string }>
> = {
  active_talker: {
    replacement: 'max_active_talkers (--max-active-talkers)',
    // The samples send true; a count 1-16 is the v2 meaning.
    check: (v) =>
      typeof v === 'boolean' ||
      ((typeof v === 'number' || (typeof v === 'string' && /^\s*\d+\s*$/.test(v))) &&
        Number.isInteger(Number(v)) &&
        Number(v) >= 1 &&
        Number(v) <= 16),
    rule: 'true, false or a whole number from 1 to 16',
  },
  wait_moderator: {
    replacement: 'wait_for_moderator (--wait-for-moderator)',
    check: (v) => typeof v === 'boolean' || v === 0 || v === 1,
    rule: 'true or false',
  },
};

/**
 * Takes the legacy settings out of a --file body (so the v2 rules do not refuse them), checks their
 * values, and tells `note` once per name which v2 setting replaces it.
 */
export function splitLegacy(
  input: RoomInput,
  note: (line: string) => void,
): { input: RoomInput; legacy: Record<string, unknown> } {
  const file = input.file;
  if (typeof file !== 'object' || file === null || Array.isArray(file)) return { input, legacy: {} };
  const settings = (file as Record<string, unknown>)['settings'];
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings))
    return { input, legacy: {} };
  const legacy: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    const spec = Object.hasOwn(LEGACY, key) ? LEGACY[key] : undefined;
    if (!spec) {
      rest[key] = value;
      continue;
    }
    if (!spec.check(value))
      throw new UsageError(`--file settings.${key} must be ${spec.rule} (got ${JSON.stringify(value)}).`);
    legacy[key] = value;
    note(
      `--file: settings.${key} is a legacy name, sent as given; its v2 replacement is ${spec.replacement}.`,
    );
  }
  if (Object.keys(legacy).length === 0) return { input, legacy };
  return { input: { ...input, file: { ...(file as Record<string, unknown>), settings: rest } }, legacy };
}

/** The body with the legacy settings added back under `settings`. */
export function withLegacy(body: RoomBody, legacy: Record<string, unknown>): RoomBody {
  if (Object.keys(legacy).length === 0) return body;
  const settings = {
    ...((body as Record<string, unknown>)['settings'] as Record<string, unknown> | undefined),
    ...legacy,
  };
  return { ...body, settings } as RoomBody;
}
