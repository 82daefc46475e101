import { resolve } from 'node:path';
import { Core, type EmulatorCredentials } from './core.js';
import { emulatorNow } from './clock.js';
import { Faults, type FaultConfig } from './faults.js';
import { seedDemo } from './seed.js';
import { displayHost, listen } from './server.js';
import { isPristine } from './state.js';
import { fileStore, memoryStore } from './store.js';
import { planSynthetic, type SyntheticCdrOptions } from './synthetic.js';

export type { EmulatorCredentials } from './core.js';
export type { FaultConfig } from './faults.js';
export { StateFileError } from './state.js';
export { checkFaultConfig } from './faults.js';
export type { SyntheticCdrOptions } from './synthetic.js';
export { API_PREFIXES, CONTROL_PREFIX, FILES_PREFIX } from './paths.js';

/**
 * Fixed development credentials, printed by `enablex emulator`: they only ever open this local
 * server. Shaped like real ones (24 hex digits, 36 alphanumerics).
 */
export const DEV_CREDENTIALS: EmulatorCredentials = {
  appId: '64e1c0de5eed0000a11ce0b1',
  appKey: 'emuDevKey9Qx4Lr7Tb2Nw8Zc5Hs3Jd6Vf1Kp',
  recordingUser: 'emulator-recordings',
  recordingPassword: 'emuRecPass7Wq3Xz',
};

/** How to start an emulator. */
export interface StartOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** A JSON file shared safely by several processes; without it the state lives in memory. */
  statePath?: string;
  credentials: EmulatorCredentials;
  /** 'demo' fills a new, empty state with rooms and a month of sessions. */
  seed?: 'demo';
  faults?: FaultConfig;
  /** The clock (tests inject one). */
  now?: () => Date;
  /** One line per request: `METHOD path status ms`. */
  log?: (line: string) => void;
  /** Extra CDR records generated on the fly for benchmarks (never stored). */
  syntheticCdr?: SyntheticCdrOptions;
}

/** A started emulator. */
export interface RunningEmulator {
  /** The API base URL, e.g. http://127.0.0.1:4040/video/v2 */
  baseUrl: string;
  /** Scheme, host and port, e.g. http://127.0.0.1:4040 */
  origin: string;
  port: number;
  /** Stops listening: idle and hung connections are cut at once, answers being written get 1.5 s at most. */
  close(): Promise<void>;
}

/** Starts the EnableX-compatible emulator and resolves once it listens. */
export async function startEmulator(opts: StartOptions): Promise<RunningEmulator> {
  const clock = opts.now ?? (() => new Date());
  const store = opts.statePath ? fileStore(resolve(opts.statePath)) : memoryStore();
  const synthetic = opts.syntheticCdr ? planSynthetic(opts.syntheticCdr, opts.credentials.appId) : undefined;
  const faults = new Faults(opts.faults ?? {});
  // Also creates the state file, so a bad path fails now rather than at the first request.
  await store.mutate((state) => {
    if (opts.seed === 'demo' && isPristine(state))
      seedDemo(state, emulatorNow(clock, state), opts.credentials.appId);
  });
  const core = new Core(store, opts.credentials, clock, faults, synthetic);
  const running = await listen(core, opts.host, opts.port, opts.log);
  const origin = `http://${displayHost(opts.host)}:${running.port}`;
  return { baseUrl: `${origin}/video/v2`, origin, port: running.port, close: running.close };
}
