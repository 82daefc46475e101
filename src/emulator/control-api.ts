import type { FaultConfig } from './faults.js';
import { CONTROL_PREFIX } from './paths.js';

/** What `GET /_emulator/v1/status` answers. */
export interface EmulatorStatus {
  result: 0;
  now: string;
  clock_offset_ms: number;
  rooms: number;
  live_sessions: { room_id: string; conf_num: string; users: number; ends_at: string }[];
  tokens: number;
  cdr: number;
  archive: number;
  faults: FaultConfig & { failFirstRemaining: number };
  synthetic_cdr: unknown;
}

/** A simulated session request (`POST /_emulator/v1/rooms/<id>/simulate`). */
export interface SimulateRequest {
  /** People who join, 1-1000, default 3. */
  users?: number;
  /** Minutes the session lasts, 1-1440, default 12. */
  minutes?: number;
  /** Leave the session running (ended later by `endSession` or the clock) instead of finished. */
  live?: boolean;
}

/** The error a control call throws: the HTTP status and the emulator's message. */
export class EmulatorControlError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    const text =
      typeof body === 'object' && body !== null && 'error' in body
        ? String((body as { error: unknown }).error)
        : '';
    super(`emulator control call failed (HTTP ${status})${text ? `: ${text}` : ''}`);
    this.name = 'EmulatorControlError';
  }
}

/**
 * The control API (v1) of a running emulator, as functions: the same routes a test can call over
 * HTTP under `/_emulator/v1`, with the same Basic auth as the API.
 */
export interface EmulatorControl {
  /** Counts, the emulator clock, live sessions and the fault settings. */
  status(): Promise<EmulatorStatus>;
  /** Moves the emulator clock (minutes may be negative; at most 10 years a call, 100 years in all). */
  advanceClock(minutes: number): Promise<{ now: string; clock_offset_ms: number }>;
  /** Sets the emulator clock to an instant (ISO 8601 with Z or an offset), within 100 years of the real one. */
  setClock(at: string): Promise<{ now: string; clock_offset_ms: number }>;
  /** Replaces the fault settings (see FaultConfig); `{}` clears them. */
  setFaults(config: FaultConfig): Promise<FaultConfig>;
  /** Clears every fault. */
  clearFaults(): Promise<void>;
  /** Runs a whole session in a room at once: users join, talk and leave; CDR (and archive) appear. */
  simulate(roomId: string, request?: SimulateRequest): Promise<Record<string, unknown>>;
  /** Connects a token's user to its room (starts a live session), as a client SDK would. */
  join(token: string): Promise<Record<string, unknown>>;
  /** Ends the live session of a room now. */
  endSession(roomId: string): Promise<Record<string, unknown>>;
  /** Empties the state; `{ seed: 'demo' }` fills it with the demo data again. */
  reset(options?: { seed?: 'demo' }): Promise<void>;
}

/** A control client for the emulator at `origin` (scheme, host and port), authenticated with the app credentials. */
export function controlClient(origin: string, appId: string, appKey: string): EmulatorControl {
  const auth = `Basic ${Buffer.from(`${appId}:${appKey}`).toString('base64')}`;
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${origin}${CONTROL_PREFIX}${path}`, {
      method,
      headers: { authorization: auth, 'content-type': 'application/json', accept: 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!res.ok) throw new EmulatorControlError(res.status, parsed);
    return parsed as T;
  };
  const id = (roomId: string) => encodeURIComponent(roomId);
  return {
    status: () => call('GET', '/status'),
    advanceClock: (minutes) => call('POST', '/clock/advance', { minutes }),
    setClock: (at) => call('POST', '/clock/set', { at }),
    setFaults: async (config) => (await call<{ faults: FaultConfig }>('PUT', '/faults', config)).faults,
    clearFaults: async () => void (await call('DELETE', '/faults')),
    simulate: (roomId, request = {}) => call('POST', `/rooms/${id(roomId)}/simulate`, request),
    join: (token) => call('POST', '/join', { token }),
    endSession: (roomId) => call('POST', `/rooms/${id(roomId)}/end`),
    reset: async (options = {}) => void (await call('POST', '/reset', options)),
  };
}
