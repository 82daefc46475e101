import { afterAll } from 'vitest';
import {
  CONTROL_PREFIX,
  startEmulator,
  type EmulatorCredentials,
  type FaultConfig,
  type RunningEmulator,
} from '../../../src/emulator/index.js';
import type { Outputs } from './run.js';
import { until } from './run.js';

/**
 * Credentials of the in-process emulators: shaped like real ones, different from the emulator's
 * printed development credentials, so finding them in any output is a real leak.
 */
export const E2E_CREDENTIALS: EmulatorCredentials = {
  appId: 'a1b2c3d4e5f6a7b8c9d0e1f2',
  appKey: 'e2eAppKeyZq8Wm3Rt6Yu1Io4Pa7Sd0Fg2Hj5',
  recordingUser: 'e2e-recorder',
  recordingPassword: 'e2eRecPassMv7Nc4Xb',
};

/** A JSON answer of the emulator. */
export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** A running emulator with what the tests need around it. */
export interface TestEmulator {
  emu: RunningEmulator;
  creds: EmulatorCredentials;
  /** Every request the server answered, as `METHOD url status ms [fault]`, in order. */
  requests: string[];
  /** The environment a command needs: only app id, key and base URL (plus what is passed). */
  env(extra?: Record<string, string>): Record<string, string>;
  /** The same plus the recording credentials. */
  envWithRecording(extra?: Record<string, string>): Record<string, string>;
  /** A call to a control route (`/status`, `/rooms/<id>/simulate`), failing on a non-2xx answer. */
  control(method: string, path: string, body?: unknown): Promise<Record<string, unknown>>;
  /** A call to the API itself, for checking state independently of the CLI. */
  api(method: string, path: string, body?: unknown): Promise<Answer>;
  /** Replaces the injected faults (`{}` clears them). */
  faults(config: FaultConfig): Promise<void>;
  /** Room ids the API lists now. */
  roomIds(): Promise<string[]>;
  /** Waits until the request log has at least `n` lines, and returns them. */
  settled(n: number): Promise<string[]>;
  /** Request log lines written since `mark` (a previous `requests.length`). */
  since(mark: number): string[];
}

/** Options of a test emulator. */
interface TestEmulatorOptions {
  seed?: 'demo';
  statePath?: string;
  now?: () => Date;
  /** Secrets are added to this output scan. */
  outputs?: Outputs;
}

/** Starts an emulator in this process on loopback port 0; stopped after the file's tests. */
export async function startTestEmulator(opts: TestEmulatorOptions = {}): Promise<TestEmulator> {
  const creds = E2E_CREDENTIALS;
  const requests: string[] = [];
  const emu = await startEmulator({
    host: '127.0.0.1',
    port: 0,
    credentials: creds,
    seed: opts.seed,
    statePath: opts.statePath,
    now: opts.now,
    log: (line) => requests.push(line),
  });
  afterAll(() => emu.close());
  opts.outputs?.secret(creds.appKey, creds.recordingPassword);
  opts.outputs?.basicSecret(creds.appId, creds.appKey);
  opts.outputs?.basicSecret(creds.recordingUser, creds.recordingPassword);
  const auth = 'Basic ' + Buffer.from(`${creds.appId}:${creds.appKey}`).toString('base64');
  const call = async (url: string, method: string, body?: unknown): Promise<Answer> => {
    const res = await fetch(url, {
      method,
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  const t: TestEmulator = {
    emu,
    creds,
    requests,
    env: (extra = {}) => ({
      ENABLEX_APP_ID: creds.appId,
      ENABLEX_APP_KEY: creds.appKey,
      ENABLEX_BASE_URL: emu.baseUrl,
      ENABLEX_CONFIG_DIR: '/nonexistent/enablex-e2e',
      ...extra,
    }),
    envWithRecording: (extra = {}) =>
      t.env({
        ENABLEX_RECORDING_USER: creds.recordingUser,
        ENABLEX_RECORDING_PASSWORD: creds.recordingPassword,
        ...extra,
      }),
    async control(method, path, body) {
      const a = await call(`${emu.origin}${CONTROL_PREFIX}${path}`, method, body);
      if (a.status >= 300) throw new Error(`${method} ${path}: ${a.status} ${JSON.stringify(a.body)}`);
      return a.body;
    },
    api: (method, path, body) => call(`${emu.baseUrl}${path}`, method, body),
    async faults(config) {
      await t.control('PUT', '/faults', config);
    },
    async roomIds() {
      const a = await t.api('GET', '/rooms');
      return (a.body['rooms'] as { room_id: string }[]).map((r) => r.room_id);
    },
    settled: (n) => until(`${n} logged requests`, () => (requests.length >= n ? [...requests] : undefined)),
    since: (mark) => requests.slice(mark),
  };
  return t;
}

/** Creates a room through the API (not the CLI) and returns its id. */
export async function apiRoom(t: TestEmulator, body: Record<string, unknown> = {}): Promise<string> {
  const a = await t.api('POST', '/rooms', { name: 'Fixture room', owner_ref: 'e2e', ...body });
  const id = (a.body['room'] as { room_id?: string } | undefined)?.room_id;
  if (a.status !== 200 || !id) throw new Error(`room not created: ${a.status} ${JSON.stringify(a.body)}`);
  return id;
}
