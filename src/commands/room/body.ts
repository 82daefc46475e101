import { UsageError } from '../../lib/errors.js';
import type { RoomBody } from '../../api/rooms.js';
import { setPath } from '../../output/flatten.js';
import { checkRoomRules } from './rules.js';
import { ROOM_SETTINGS, parseSetting, type SettingSpec } from './settings.js';

/** The participant limits, where the wizard and earlier callers found them. */
export { participantLimit } from './rules.js';

/** Everything a room body is built from: flag values, an optional --file body, the clock. */
export interface RoomInput {
  /** Raw values by flag name (`participants` -> "10"), as given on the command line or by the wizard. */
  flags: ReadonlyMap<string, unknown>;
  name?: string | undefined;
  ownerRef?: string | undefined;
  data?: Record<string, string> | undefined;
  /** The parsed --file body, merged under the flags. */
  file?: unknown;
  now: Date;
  /** The zone messages about times speak in (the wizard's local zone); flags are UTC. */
  zone?: string | undefined;
}

const BY_PATH = new Map(ROOM_SETTINGS.map((s) => [s.path, s]));
const TOP_KEYS = new Set(['name', 'owner_ref', 'settings', 'sip', 'data']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads a --file body into raw setting values by flag; unknown keys are refused (the API says 10009). */
function fromFile(
  file: unknown,
  into: Map<string, { raw: unknown; origin: string }>,
): { name?: unknown; ownerRef?: unknown; data?: unknown } {
  if (!isRecord(file)) throw new UsageError('--file must hold a JSON or YAML object (a room body).');
  for (const key of Object.keys(file)) {
    if (!TOP_KEYS.has(key))
      throw new UsageError(`--file: unknown key "${key}"; a room body has ${[...TOP_KEYS].join(', ')}.`);
  }
  const walk = (value: unknown, prefix: string) => {
    if (!isRecord(value)) throw new UsageError(`--file: "${prefix}" must be an object.`);
    for (const [k, v] of Object.entries(value)) {
      const path = `${prefix}.${k}`;
      if (path === 'settings.live_recording' && typeof v === 'boolean') {
        into.set('live-recording', { raw: v, origin: `--file ${path}` });
        continue;
      }
      const spec = BY_PATH.get(path);
      if (spec) into.set(spec.flag, { raw: v, origin: `--file ${path}` });
      else if ([...BY_PATH.keys()].some((p) => p.startsWith(`${path}.`))) walk(v, path);
      else
        throw new UsageError(
          `--file: unknown key "${path}" (the API refuses unknown settings with result 10009).`,
        );
    }
  };
  if (file['settings'] !== undefined) walk(file['settings'], 'settings');
  if (file['sip'] !== undefined) walk(file['sip'], 'sip');
  return { name: file['name'], ownerRef: file['owner_ref'], data: file['data'] };
}

/** Parses every given value by its rule and returns values by flag; errors name the flag or file key. */
function parseAll(input: RoomInput): {
  values: Map<string, unknown>;
  name?: string;
  ownerRef?: string;
  data?: Record<string, string>;
} {
  const raw = new Map<string, { raw: unknown; origin: string }>();
  const fromBody = input.file === undefined ? {} : fromFile(input.file, raw);
  for (const [flag, value] of input.flags) raw.set(flag, { raw: value, origin: `--${flag}` });
  const values = new Map<string, unknown>();
  for (const [flag, { raw: value, origin }] of raw) {
    const spec = ROOM_SETTINGS.find((s) => s.flag === flag) as SettingSpec;
    const parsed = parseSetting(spec, value, input.now, input.zone);
    if (!parsed.ok) throw new UsageError(`${origin}: ${parsed.message}.`);
    values.set(flag, parsed.value);
  }
  const str = (v: unknown, origin: string): string | undefined => {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' && typeof v !== 'number') throw new UsageError(`${origin} must be text.`);
    const s = String(v).trim();
    if (s === '') throw new UsageError(`${origin} must not be empty.`);
    return s;
  };
  let data = input.data;
  if (fromBody.data !== undefined) {
    if (!isRecord(fromBody.data)) throw new UsageError('--file: "data" must be an object.');
    data = { ...(fromBody.data as Record<string, string>), ...(input.data ?? {}) };
  }
  return {
    values,
    name: str(input.name, '--name') ?? str(fromBody.name, '--file name'),
    ownerRef: str(input.ownerRef, '--owner-ref') ?? str(fromBody.ownerRef, '--file owner_ref'),
    data,
  };
}

function assemble(
  values: Map<string, unknown>,
  name?: string,
  ownerRef?: string,
  data?: Record<string, string>,
): RoomBody {
  const body: Record<string, unknown> = {};
  if (name !== undefined) body['name'] = name;
  if (ownerRef !== undefined) body['owner_ref'] = ownerRef;
  for (const spec of ROOM_SETTINGS)
    if (values.has(spec.flag)) setPath(body, spec.path, values.get(spec.flag));
  if (data && Object.keys(data).length) body['data'] = data;
  return body as RoomBody;
}

/** Builds and checks the body of POST /rooms. Pure: same input, same body or the same error. */
export function buildCreateBody(input: RoomInput): RoomBody {
  const { values, name, ownerRef, data } = parseAll(input);
  if (!name) throw new UsageError('--name is required: the room needs a name.');
  if (!ownerRef) throw new UsageError('--owner-ref is required: a reference of yours, shown in reports.');
  const body = assemble(values, name, ownerRef, data);
  checkRoomRules(body.settings ?? {});
  return body;
}

/**
 * Builds and checks the body of PATCH /rooms/{id}: only the given keys; room type keys refused.
 * `allowEmpty`: the update is the --file's legacy settings alone (see legacy.ts).
 */
export function buildUpdateBody(input: RoomInput, opts: { allowEmpty?: boolean } = {}): RoomBody {
  const { values, name, ownerRef, data } = parseAll(input);
  for (const spec of ROOM_SETTINGS) {
    if (spec.immutable && values.has(spec.flag)) {
      throw new UsageError(
        `--${spec.flag} cannot be changed after a room is created (the API refuses it with result 10106).`,
        'Create a new room with the type you want, then delete the old one.',
      );
    }
  }
  const body = assemble(values, name, ownerRef, data);
  if (Object.keys(body).length === 0 && !opts.allowEmpty) {
    throw new UsageError('nothing to update: give at least one setting flag, --name, --data or --file.');
  }
  return body;
}
