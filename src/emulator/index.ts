import { resolve } from 'node:path';
import { Core, type EmulatorCredentials } from './core.js';
import { emulatorNow } from './clock.js';
import { Faults, type FaultConfig } from './faults.js';
import { seedDemo } from './seed.js';
import { controlClient, type EmulatorControl } from './control-api.js';
import { CONTROL_PREFIX } from './paths.js';
import { displayHost, listen } from './server.js';
import { isPristine } from './state.js';
import { isClockOffset } from './control.js';
import { fileStore, memoryStore } from './store.js';
import { planSynthetic, type SyntheticCdrOptions } from './synthetic.js';

export type { EmulatorCredentials } from './core.js';
export type { FaultConfig } from './faults.js';
export { StateFileError } from './state.js';
export { checkFaultConfig } from './faults.js';
export type { SyntheticCdrOptions } from './synthetic.js';
export { API_PREFIXES, CONTROL_API_VERSION, CONTROL_PREFIX, FILES_PREFIX } from './paths.js';
export { EmulatorControlError } from './control-api.js';
export type { EmulatorControl, EmulatorStatus, SimulateRequest } from './control-api.js';

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

/** How to start an emulator; every field is optional. */
export interface StartOptions {
  /** Address to listen on. Default 127.0.0.1 (this machine only). */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** A JSON file shared safely by several processes; without it the state lives in memory. */
  statePath?: string;
  /** The credentials it accepts. Default DEV_CREDENTIALS. */
  credentials?: EmulatorCredentials;
  /**
   * Host header names answered besides loopback names and the listening address (every interface
   * address when listening on 0.0.0.0); `true` answers any. Guards against DNS rebinding.
   */
  allowHosts?: readonly string[] | true;
  /** 'demo' fills a new, empty state with rooms and a month of sessions. */
  seed?: 'demo';
  faults?: FaultConfig;
  /** The clock (tests inject one). */
  now?: () => Date;
  /** One line per request: `METHOD path status ms`. */
  log?: (line: string) => void;
  /** Warnings about the state file (an ignored clock offset). Default: a line on stderr. */
  warn?: (line: string) => void;
  /** Extra CDR records generated on the fly for benchmarks (never stored). */
  syntheticCdr?: SyntheticCdrOptions;
}

/** A started emulator. */
export interface RunningEmulator {
  /** The API base URL, e.g. http://127.0.0.1:4040/video/v2 */
  baseUrl: string;
  /** The same API under the `/v1` prefix the vendor's sample servers use, e.g. http://127.0.0.1:4040/v1 */
  v1BaseUrl: string;
  /** Scheme, host and port, e.g. http://127.0.0.1:4040 */
  origin: string;
  port: number;
  /** The app id and key it accepts (HTTP Basic auth of every API and control call). */
  appId: string;
  appKey: string;
  /** The recording-file credentials it accepts. */
  recordingUser: string;
  recordingPassword: string;
  /** Where the control routes live, e.g. http://127.0.0.1:4040/_emulator/v1 */
  controlUrl: string;
  /** The control API as functions: clock, sessions, faults, reset. */
  control: EmulatorControl;
  /** Stops listening: idle and hung connections are cut at once, answers being written get 1.5 s at most. */
  close(): Promise<void>;
}

/**
 * Starts the EnableX-compatible emulator and resolves once it listens: by default on a free
 * loopback port, in memory, with DEV_CREDENTIALS. For users' own test suites:
 *
 * ```ts
 * import { startEmulator } from 'enablex-cli/emulator';
 * const emu = await startEmulator();
 * // point your code at emu.baseUrl (or emu.v1BaseUrl) with emu.appId / emu.appKey
 * await emu.close();
 * ```
 */
export async function startEmulator(opts: StartOptions = {}): Promise<RunningEmulator> {
  const host = opts.host ?? '127.0.0.1';
  const credentials = opts.credentials ?? DEV_CREDENTIALS;
  const clock = opts.now ?? (() => new Date());
  const store = opts.statePath ? fileStore(resolve(opts.statePath)) : memoryStore();
  const synthetic = opts.syntheticCdr ? planSynthetic(opts.syntheticCdr, credentials.appId) : undefined;
  const faults = new Faults(opts.faults ?? {});
  // Also creates the state file, so a bad path fails now rather than at the first request.
  await store.mutate((state) => {
    // A file written before the offset was bounded may hold one no advance can undo: start at 0.
    if (!isClockOffset(state.clockOffsetMs)) {
      const warn = opts.warn ?? ((line: string) => void process.stderr.write(`Warning: ${line}\n`));
      warn(
        `${opts.statePath ?? 'the state'} holds a clock offset of ${String(state.clockOffsetMs)} ms, more than 100 years: ignored, the emulator clock starts at the real time.`,
      );
      state.clockOffsetMs = 0;
    }
    if (opts.seed === 'demo' && isPristine(state))
      seedDemo(state, emulatorNow(clock, state), credentials.appId);
  });
  const core = new Core(store, credentials, clock, faults, synthetic);
  const running = await listen(core, host, opts.port ?? 0, opts.log, opts.allowHosts);
  const origin = `http://${displayHost(host)}:${running.port}`;
  const { appId, appKey, recordingUser, recordingPassword } = credentials;
  return {
    baseUrl: `${origin}/video/v2`,
    v1BaseUrl: `${origin}/v1`,
    origin,
    port: running.port,
    appId,
    appKey,
    recordingUser,
    recordingPassword,
    controlUrl: `${origin}${CONTROL_PREFIX}`,
    control: controlClient(origin, appId, appKey),
    close: running.close,
  };
}
