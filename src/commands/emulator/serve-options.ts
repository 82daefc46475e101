import { isAbsolute, join } from 'node:path';
import type { EmulatorCredentials } from '../../emulator/core.js';
import type { FaultConfig } from '../../emulator/faults.js';
import type { SyntheticCdrOptions } from '../../emulator/synthetic.js';
import type { Env } from '../../context.js';
import { AuthError, UsageError } from '../../lib/errors.js';
import { wholeFlag } from '../../lib/validate.js';
import { faultConfigFromFlags } from './fault-config.js';
import type { EmulatorInput } from './index.js';

/** `enablex emulator` flags, checked. */
export interface ServeOptions {
  host: string;
  /** Extra Host header names to answer (--allow-host), or true for any ("*"). */
  allowHosts: string[] | true | undefined;
  port: number;
  statePath: string | undefined;
  seed: 'demo' | undefined;
  faults: FaultConfig | undefined;
  syntheticCdr: SyntheticCdrOptions | undefined;
}

const DAY_MS = 86_400_000;

function dateFlag(text: string | undefined, flag: string): string | undefined {
  if (text === undefined) return undefined;
  if (Number.isNaN(Date.parse(text)))
    throw new UsageError(`${flag} must be a date, YYYY-MM-DD or ISO 8601 (got "${text}").`);
  return text;
}

/** Checks the flags of `enablex emulator`; relative paths are taken from `cwd`. */
export function serveOptions(opts: Partial<EmulatorInput['opts']>, cwd: string, now: Date): ServeOptions {
  const port = wholeFlag(opts.port ?? '4040', '--port', 0, 65535, 'Use --port 0 for any free port.');
  const host = (opts.host ?? '127.0.0.1').trim();
  if (host === '')
    throw new UsageError(
      '--host is empty.',
      'Use 127.0.0.1 (this machine only) or 0.0.0.0 (every interface).',
    );
  const state = opts.state?.trim();
  if (state === '') throw new UsageError('--state needs a file path.');

  let syntheticCdr: SyntheticCdrOptions | undefined;
  const from = dateFlag(opts.syntheticFrom, '--synthetic-from');
  const to = dateFlag(opts.syntheticTo, '--synthetic-to');
  if (opts.syntheticCdr !== undefined) {
    const count = wholeFlag(opts.syntheticCdr, '--synthetic-cdr', 1, 50_000_000);
    syntheticCdr = {
      count,
      from: from ?? new Date(now.getTime() - 30 * DAY_MS).toISOString(),
      to: to ?? now.toISOString(),
    };
    if (Date.parse(syntheticCdr.from) >= Date.parse(syntheticCdr.to)) {
      throw new UsageError('--synthetic-from must be before --synthetic-to.');
    }
  } else if (from !== undefined || to !== undefined) {
    throw new UsageError('--synthetic-from and --synthetic-to need --synthetic-cdr <count>.');
  }
  const names = (opts.allowHost ?? []).map((a) => a.trim());
  if (names.some((n) => n === '' || /[\s/]/.test(n)))
    throw new UsageError('--allow-host takes a host name or address, e.g. --allow-host my-laptop.local.');
  return {
    host,
    allowHosts: names.includes('*') ? true : names.length ? names : undefined,
    port,
    statePath: state === undefined ? undefined : isAbsolute(state) ? state : join(cwd, state),
    seed: opts.seed,
    faults: faultConfigFromFlags(opts),
    syntheticCdr,
  };
}

/** The credentials the server accepts, and whether they came from the environment (then never printed). */
export function serveCredentials(
  env: Env,
  dev: EmulatorCredentials,
): { credentials: EmulatorCredentials; appFromEnv: boolean; recordingFromEnv: boolean } {
  const id = env['ENABLEX_APP_ID']?.trim() || undefined;
  const key = env['ENABLEX_APP_KEY']?.trim() || undefined;
  if ((id || key) && !(id && key)) {
    const [set, unset] = id ? ['ENABLEX_APP_ID', 'ENABLEX_APP_KEY'] : ['ENABLEX_APP_KEY', 'ENABLEX_APP_ID'];
    throw new AuthError(
      `${unset} is not set, but ${set} is.`,
      'Set both to choose the credentials the emulator accepts, or neither to use its development ones.',
    );
  }
  const user = env['ENABLEX_RECORDING_USER']?.trim() || undefined;
  const password = env['ENABLEX_RECORDING_PASSWORD'] || undefined;
  if ((user || password) && !(user && password)) {
    throw new AuthError('Set both ENABLEX_RECORDING_USER and ENABLEX_RECORDING_PASSWORD, or neither.');
  }
  return {
    credentials: {
      appId: id ?? dev.appId,
      appKey: key ?? dev.appKey,
      recordingUser: user ?? dev.recordingUser,
      recordingPassword: password ?? dev.recordingPassword,
    },
    appFromEnv: Boolean(id),
    recordingFromEnv: Boolean(user),
  };
}
