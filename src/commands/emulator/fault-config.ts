import { checkFaultConfig, type FaultConfig } from '../../emulator/faults.js';
import { UsageError } from '../../lib/errors.js';
import type { FaultFlagValues } from './fault-flags.js';

type Kind = 'ratio' | 'whole';
/** The flag's key, the FaultConfig key, the flag as users type it, and its kind. */
const FLAGS: readonly [keyof FaultFlagValues, keyof FaultConfig, string, Kind][] = [
  ['latency', 'latencyMs', '--latency', 'whole'],
  ['failRate', 'failRate', '--fail-rate', 'ratio'],
  ['failStatus', 'failStatus', '--fail-status', 'whole'],
  ['retryAfter', 'retryAfterSeconds', '--retry-after', 'whole'],
  ['failFirst', 'failFirst', '--fail-first', 'whole'],
  ['hangRate', 'hangRate', '--hang-rate', 'ratio'],
  ['truncateRate', 'truncateRate', '--truncate-rate', 'ratio'],
  ['nonJsonRate', 'nonJsonRate', '--non-json-rate', 'ratio'],
  ['nonJsonStatus', 'nonJsonStatus', '--non-json-status', 'whole'],
  ['resetRate', 'resetRate', '--reset-rate', 'ratio'],
  ['faultSeed', 'seed', '--fault-seed', 'whole'],
];

/** Reads the fault flags into a FaultConfig; undefined when none is given. Errors name the flag. */
export function faultConfigFromFlags(opts: Partial<FaultFlagValues>): FaultConfig | undefined {
  const config: Record<string, unknown> = {};
  for (const [name, key, flag, kind] of FLAGS) {
    const raw = opts[name];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n))
      throw new UsageError(`${flag} must be a number (got "${raw}").`);
    if (kind === 'ratio' && (n < 0 || n > 1)) {
      throw new UsageError(`${flag} must be a share from 0 to 1, e.g. 0.2 for 20% (got "${raw}").`);
    }
    if (kind === 'whole' && (!Number.isInteger(n) || n < 0)) {
      throw new UsageError(`${flag} must be a whole number, 0 or more (got "${raw}").`);
    }
    config[key] = n;
  }
  if (opts.faultMatch !== undefined) config['match'] = opts.faultMatch;
  if (opts.failResult !== undefined) {
    const code = opts.failResult.trim();
    if (!/^\d{5}$/.test(code))
      throw new UsageError(`--fail-result must be a 5-digit result code, e.g. 50001 (got "${code}").`);
    config['failResult'] = code;
  }
  if (Object.keys(config).length === 0) return undefined;
  try {
    return checkFaultConfig(config);
  } catch (err) {
    throw new UsageError(`fault flags: ${(err as Error).message}.`);
  }
}

/** A one-line summary of a fault configuration, for the start banner and `emulator faults`. */
export function describeFaults(config: FaultConfig | undefined): string {
  if (!config) return 'none';
  const pct = (r: number | undefined) => `${Math.round((r ?? 0) * 1000) / 10}%`;
  const parts: string[] = [];
  if (config.latencyMs) parts.push(`latency ${config.latencyMs} ms`);
  const failure = config.failResult
    ? `result ${config.failResult}, HTTP ${config.failStatus ?? 200}`
    : String(config.failStatus ?? 503);
  if (config.failFirst) parts.push(`first ${config.failFirst} requests fail (${failure})`);
  if (config.failRate) parts.push(`fail ${pct(config.failRate)} (${failure})`);
  if (config.hangRate) parts.push(`hang ${pct(config.hangRate)}`);
  if (config.truncateRate) parts.push(`truncate ${pct(config.truncateRate)}`);
  if (config.nonJsonRate) parts.push(`non-JSON ${pct(config.nonJsonRate)} (${config.nonJsonStatus ?? 502})`);
  if (config.resetRate) parts.push(`reset ${pct(config.resetRate)}`);
  if (parts.length === 0) return 'none';
  if (config.match) parts.push(`only "${config.match}"`);
  return parts.join(', ') + (config.seed !== undefined ? ` (seed ${config.seed})` : '');
}
