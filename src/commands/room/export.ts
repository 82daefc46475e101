import { listRooms, type Room } from '../../api/rooms.js';
import { CliError, UsageError } from '../../lib/errors.js';
import { render } from '../../output/render.js';
import type { Factory } from '../../factory.js';
import type { ExportInput } from './export.verb.js';
import { identityKey, parseRoomsFile } from './apply-file.js';
import { ROOM_SETTINGS, parseSetting } from './settings.js';

/** One room of a rooms file: what `room apply` reads and `room export` writes. */
export interface RoomsFileEntry {
  name: string;
  owner_ref: string;
  settings?: Record<string, unknown>;
  sip?: { enabled: boolean };
  data?: Record<string, unknown>;
}

/** Type keys left out when they hold what the API assumes anyway. */
const DEFAULT_FALSE = new Set(['settings.scheduled', 'settings.adhoc']);
const EPOCH = new Date(0);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function setIn(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (!isRecord(node[part])) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1] as string] = value;
}

/**
 * A live room as a rooms-file entry: name, owner_ref and the documented settings it holds (counts as
 * numbers), never room_id, created, the SIP PIN or other server-made values. Settings the CLI cannot
 * send back (legacy names, values outside the rules) are left out and listed in `dropped`.
 */
export function exportEntry(room: Room): { entry: RoomsFileEntry; dropped: string[] } {
  const dropped: string[] = [];
  const out: Record<string, unknown> = { name: room.name, owner_ref: room.owner_ref };
  const settings = isRecord(room.settings) ? { ...room.settings } : {};
  if (typeof settings['live_recording'] === 'boolean')
    settings['live_recording'] = { auto_recording: settings['live_recording'] };
  const view = { ...room, settings };
  const known = new Set<string>();
  for (const spec of ROOM_SETTINGS) {
    if (!spec.path.startsWith('settings.')) continue;
    known.add(spec.path.split('.')[1] as string);
    const value = spec.path.split('.').reduce<unknown>((v, k) => (isRecord(v) ? v[k] : undefined), view);
    if (value === undefined || value === null) continue;
    if (DEFAULT_FALSE.has(spec.path) && value === false) continue;
    const parsed = parseSetting(spec, value, EPOCH);
    if (!parsed.ok) {
      dropped.push(`${spec.path} (${JSON.stringify(value)} ${parsed.message})`);
      continue;
    }
    const shown = spec.kind === 'count' ? Number(parsed.value) : parsed.value;
    setIn(out, spec.path, shown);
  }
  for (const key of Object.keys(settings)) if (!known.has(key)) dropped.push(`settings.${key}`);
  if (isRecord(room.sip) && room.sip['enabled'] === true) out['sip'] = { enabled: true };
  if (isRecord(room.data) && Object.keys(room.data).length) out['data'] = room.data;
  return { entry: out as unknown as RoomsFileEntry, dropped };
}

/** `enablex room export`: the live rooms as a rooms file (YAML, or JSON with -o json) on stdout. */
export async function run({ opts }: ExportInput, f: Factory): Promise<void> {
  const { name, ownerRef } = opts;
  const format = f.options.formatExplicit ? f.options.format : 'yaml';
  if (format !== 'yaml' && format !== 'json')
    throw new UsageError(`-o/--output for room export must be yaml or json (got "${format}").`);
  const http = await f.http();
  const rooms = await f.io.spin('Listing rooms…', () => listRooms(http));
  const needle = name?.toLowerCase();
  const chosen = rooms.filter(
    (r) =>
      (!needle ||
        String(r.name ?? '')
          .toLowerCase()
          .includes(needle)) &&
      (ownerRef === undefined || r.owner_ref === ownerRef),
  );
  const entries: RoomsFileEntry[] = [];
  for (const room of chosen) {
    const who = `room ${room.room_id}${room.name ? ` "${room.name}"` : ''}`;
    if (!room.name || !room.owner_ref) {
      f.io.warn(
        `${who} has no ${room.name ? 'owner_ref' : 'name'}: not exported (apply knows rooms by name and owner_ref).`,
      );
      continue;
    }
    const { entry, dropped } = exportEntry(room);
    if (dropped.length)
      f.io.warn(`${who}: left out ${dropped.join(', ')} (room apply could not send it back).`);
    try {
      parseRoomsFile([entry], 'export');
    } catch (err) {
      if (!(err instanceof CliError)) throw err;
      f.io.warn(
        `${who} breaks a rule of room apply; fix it in the file: ${err.message.replace(/^export: rooms\[0\][^:]*: /, '')}`,
      );
    }
    entries.push(entry);
  }
  const seen = new Map<string, string>();
  for (const room of chosen) {
    const key = identityKey(room.name, room.owner_ref);
    const first = seen.get(key);
    if (first)
      f.io.warn(
        `rooms ${first} and ${room.room_id} share the name ${JSON.stringify(room.name)} and owner_ref ${room.owner_ref}: room apply refuses a file listing both; keep one entry and delete or rename the other room.`,
      );
    else seen.set(key, room.room_id);
  }
  f.io.raw(render({ rooms: entries }, { format }));
  f.io.note(`Exported ${entries.length} room${entries.length === 1 ? '' : 's'}.`);
}
