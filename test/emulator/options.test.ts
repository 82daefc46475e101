import { describe, expect, it } from 'vitest';
import { describeFaults, faultConfigFromFlags } from '../../src/commands/emulator/fault-config.js';
import type { FaultFlagValues } from '../../src/commands/emulator/fault-flags.js';
import { serveCredentials, serveOptions } from '../../src/commands/emulator/serve-options.js';
import type { FaultConfig } from '../../src/emulator/faults.js';
import { DEV_CREDENTIALS } from '../../src/emulator/index.js';
import { AuthError, UsageError } from '../../src/lib/errors.js';

const NOW = new Date('2026-11-29T12:00:00Z');

describe('fault flags', () => {
  it.each<[Partial<FaultFlagValues>, FaultConfig | undefined]>([
    [{}, undefined],
    [{ latency: '250' }, { latencyMs: 250 }],
    [
      { failRate: '0.2', failStatus: '429', retryAfter: '3' },
      { failRate: 0.2, failStatus: 429, retryAfterSeconds: 3 },
    ],
    [{ failFirst: '2' }, { failFirst: 2 }],
    [
      { failFirst: '1', failResult: '50001', faultMatch: 'POST /v1/rooms' },
      { failFirst: 1, failResult: '50001', match: 'POST /v1/rooms' },
    ],
    [
      { hangRate: '0.1', truncateRate: '0.1', nonJsonRate: '0.1', nonJsonStatus: '200', resetRate: '0.1' },
      { hangRate: 0.1, truncateRate: 0.1, nonJsonRate: 0.1, nonJsonStatus: 200, resetRate: 0.1 },
    ],
    [
      { faultMatch: 'GET /video/v2/cdr', faultSeed: '9' },
      { match: 'GET /video/v2/cdr', seed: 9 },
    ],
  ])('%j -> %j', (opts, config) => {
    expect(faultConfigFromFlags(opts)).toEqual(config);
  });

  it.each([
    [{ failRate: '1.5' }, /--fail-rate must be a share from 0 to 1/],
    [{ latency: 'soon' }, /--latency must be a number/],
    [{ failFirst: '-1' }, /--fail-first must be a whole number/],
    [{ failRate: '0.7', resetRate: '0.7' }, /may not exceed 1/],
    [{ failResult: '5001' }, /--fail-result must be a 5-digit result code/],
  ])('%j is refused', (opts, message) => {
    expect(() => faultConfigFromFlags(opts)).toThrow(UsageError);
    expect(() => faultConfigFromFlags(opts)).toThrow(message);
  });

  it('describes a configuration in one line', () => {
    expect(describeFaults(undefined)).toBe('none');
    expect(describeFaults({ latencyMs: 100, failRate: 0.25, failStatus: 429, seed: 3 })).toBe(
      'latency 100 ms, fail 25% (429) (seed 3)',
    );
    expect(describeFaults({ failFirst: 1, failResult: '50001' })).toBe(
      'first 1 requests fail (result 50001, HTTP 200)',
    );
  });
});

describe('serve options', () => {
  it('has defaults: 127.0.0.1:4040, state in memory, no seed, no faults', () => {
    expect(serveOptions({}, '/work', NOW)).toEqual({
      host: '127.0.0.1',
      port: 4040,
      statePath: undefined,
      seed: undefined,
      faults: undefined,
      syntheticCdr: undefined,
    });
  });

  it('takes a relative --state from the working folder', () => {
    expect(serveOptions({ state: 'emu.json' }, '/work', NOW).statePath).toBe('/work/emu.json');
    expect(serveOptions({ state: '/tmp/emu.json' }, '/work', NOW).statePath).toBe('/tmp/emu.json');
  });

  it('defaults the synthetic period to the last 30 days', () => {
    expect(serveOptions({ syntheticCdr: '1000' }, '/', NOW).syntheticCdr).toEqual({
      count: 1000,
      from: '2026-10-30T12:00:00.000Z',
      to: '2026-11-29T12:00:00.000Z',
    });
    expect(
      serveOptions({ syntheticCdr: '5', syntheticFrom: '2026-01-01', syntheticTo: '2026-01-31' }, '/', NOW)
        .syntheticCdr,
    ).toEqual({ count: 5, from: '2026-01-01', to: '2026-01-31' });
  });

  it.each([
    [{ port: '70000' }, /--port must be a whole number/],
    [{ port: 'http' }, /--port/],
    [{ syntheticCdr: '0' }, /--synthetic-cdr must be/],
    [{ syntheticFrom: '2026-01-01' }, /need --synthetic-cdr/],
    [{ syntheticCdr: '5', syntheticFrom: '2026-02-01', syntheticTo: '2026-01-01' }, /before --synthetic-to/],
    [{ syntheticCdr: '5', syntheticFrom: 'yesterday-ish' }, /--synthetic-from must be a date/],
  ])('%j is refused', (opts, message) => {
    expect(() => serveOptions(opts, '/', NOW)).toThrow(message);
  });
});

describe('serve credentials', () => {
  it('uses the development ones when the environment has none', () => {
    expect(serveCredentials({}, DEV_CREDENTIALS)).toEqual({
      credentials: DEV_CREDENTIALS,
      appFromEnv: false,
      recordingFromEnv: false,
    });
  });

  it('takes the app and recording credentials from the environment', () => {
    const env = {
      ENABLEX_APP_ID: 'a'.repeat(24),
      ENABLEX_APP_KEY: 'k'.repeat(36),
      ENABLEX_RECORDING_USER: 'rec',
      ENABLEX_RECORDING_PASSWORD: 'pw',
    };
    expect(serveCredentials(env, DEV_CREDENTIALS)).toEqual({
      credentials: {
        appId: 'a'.repeat(24),
        appKey: 'k'.repeat(36),
        recordingUser: 'rec',
        recordingPassword: 'pw',
      },
      appFromEnv: true,
      recordingFromEnv: true,
    });
  });

  it('refuses half a pair', () => {
    expect(() => serveCredentials({ ENABLEX_APP_ID: 'x' }, DEV_CREDENTIALS)).toThrow(AuthError);
    expect(() => serveCredentials({ ENABLEX_RECORDING_PASSWORD: 'x' }, DEV_CREDENTIALS)).toThrow(AuthError);
  });
});
