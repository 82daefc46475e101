import {
  DEV_CREDENTIALS,
  startEmulator,
  type RunningEmulator,
  type StartOptions,
} from '../../src/emulator/index.js';
import { run } from '../../src/cli.js';
import { makeContext } from '../helpers/cli.js';
import { scopedTempDir } from '../helpers/temp.js';

/** A clock the test moves by hand. */
export class ManualClock {
  private ms: number;
  constructor(start = '2026-11-29T12:00:00Z') {
    this.ms = Date.parse(start);
  }
  readonly now = (): Date => new Date(this.ms);
  advance(minutes: number): void {
    this.ms += minutes * 60_000;
  }
}

/** `Authorization: Basic ...` for a user and password. */
export function basic(user: string, password: string): string {
  return 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
}

/** The API credentials header of the development credentials. */
export const AUTH = basic(DEV_CREDENTIALS.appId, DEV_CREDENTIALS.appKey);
/** The recording credentials header. */
export const REC_AUTH = basic(DEV_CREDENTIALS.recordingUser, DEV_CREDENTIALS.recordingPassword);

/** One answer: status, headers, raw text and the parsed JSON (undefined when not JSON). */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}

/** A running emulator and small request helpers bound to it. */
export interface Harness {
  emu: RunningEmulator;
  clock: ManualClock;
  /** An API call relative to the base URL (`/rooms`). */
  api(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** A control call relative to /_emulator (`/rooms/x/simulate`). */
  control(method: string, path: string, body?: unknown): Promise<Answer>;
  /** A call to any URL of the same origin. */
  raw(
    method: string,
    path: string,
    init?: { body?: string; headers?: Record<string, string> },
  ): Promise<Answer>;
  /** Creates a room and returns its id (fails the test otherwise). */
  room(body?: Record<string, unknown>): Promise<string>;
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body };
}

/** Starts an emulator on loopback, port 0, with a manual clock; closed after the test by `stopAll`. */
export async function start(opts: Partial<StartOptions> = {}): Promise<Harness> {
  const clock = new ManualClock();
  const emu = await startEmulator({
    host: '127.0.0.1',
    port: 0,
    credentials: DEV_CREDENTIALS,
    now: clock.now,
    ...opts,
  });
  running.push(emu);
  const call = async (url: string, method: string, body: unknown, headers: Record<string, string> = {}) =>
    answer(
      await fetch(url, {
        method,
        headers: { authorization: AUTH, 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  const h: Harness = {
    emu,
    clock,
    api: (method, path, body, headers) => call(emu.baseUrl + path, method, body, headers),
    control: (method, path, body) => call(`${emu.origin}/_emulator${path}`, method, body),
    raw: async (method, path, init = {}) => answer(await fetch(emu.origin + path, { method, ...init })),
    async room(body = { name: 'Room', owner_ref: 'owner' }) {
      const res = await h.api('POST', '/rooms', body);
      const id = at(res.body, 'room.room_id');
      if (res.status !== 200 || typeof id !== 'string')
        throw new Error(`room not created: ${res.status} ${res.text}`);
      return id;
    },
  };
  return h;
}

const running: RunningEmulator[] = [];

/** Closes every emulator the test started (use in afterEach). */
export async function stopAll(): Promise<void> {
  await Promise.all(running.splice(0).map((e) => e.close()));
}

/** A value at a dotted path (`room.settings.mode`, `users.0.name`). */
export function at(value: unknown, path: string): unknown {
  let v: unknown = value;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** A list at a dotted path (empty when it is not a list). */
export function list(value: unknown, path: string): unknown[] {
  const v = at(value, path);
  return Array.isArray(v) ? v : [];
}

/** A temporary folder, removed by the returned function. */
export function tempDir(): { dir: string; cleanup: () => void } {
  return scopedTempDir('emu');
}

/**
 * Differences between a value's shape and a sample's: same keys, same JSON types, recursively.
 * An empty object in the sample (`"room_details": {}`) accepts any object; arrays are compared
 * element by element against the sample's first element.
 */
export function shapeDiff(actual: unknown, sample: unknown, path = '$'): string[] {
  const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  if (kind(actual) !== kind(sample)) return [`${path}: ${kind(actual)} where the sample has ${kind(sample)}`];
  if (Array.isArray(sample)) {
    return sample.length === 0
      ? []
      : (actual as unknown[]).flatMap((item, i) => shapeDiff(item, sample[0], `${path}[${i}]`));
  }
  if (kind(sample) !== 'object') return [];
  const s = sample as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  if (Object.keys(s).length === 0) return [];
  const diffs: string[] = [];
  for (const key of Object.keys(s)) {
    if (!(key in a)) diffs.push(`${path}.${key}: missing`);
    else diffs.push(...shapeDiff(a[key], s[key], `${path}.${key}`));
  }
  for (const key of Object.keys(a)) if (!(key in s)) diffs.push(`${path}.${key}: not in the sample`);
  return diffs;
}

/** The emulator's development credentials as the CLI reads them from the environment. */
export const DEV_ENV = { ENABLEX_APP_ID: DEV_CREDENTIALS.appId, ENABLEX_APP_KEY: DEV_CREDENTIALS.appKey };

/** Runs the CLI in-process with a clean environment plus `env`, retries off. */
export async function cli(argv: string[], env: Record<string, string> = {}) {
  const ctx = makeContext({ env });
  const code = await run([...argv, '--retries', '0'], ctx);
  return { code, stdout: ctx.out.text, stderr: ctx.err.text };
}
