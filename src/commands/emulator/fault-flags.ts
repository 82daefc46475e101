import { Option, type Command } from 'commander';
import { checkFaultConfig, type FaultConfig } from '../../emulator/faults.js';
import { UsageError } from '../../errors.js';

/** The fault flags, shared by `enablex emulator` (at start) and `enablex emulator faults` (at runtime). */
export function addFaultFlags(cmd: Command): Command {
  return cmd
    .addOption(new Option('--latency <ms>', 'add this delay to every API answer'))
    .addOption(new Option('--fail-rate <ratio>', 'share of API requests (0-1) answered with --fail-status'))
    .addOption(
      new Option('--fail-status <code>', 'status of injected failures (default 503)').choices([
        '429',
        '500',
        '503',
      ]),
    )
    .addOption(
      new Option('--retry-after <seconds>', 'Retry-After sent with 429 and 503 failures (default 1)'),
    )
    .addOption(
      new Option('--fail-first <n>', 'fail the next <n> API requests for sure, then apply the rates'),
    )
    .addOption(new Option('--hang-rate <ratio>', 'share of requests never answered'))
    .addOption(
      new Option('--truncate-rate <ratio>', 'share of answers cut off halfway, then the connection closes'),
    )
    .addOption(new Option('--non-json-rate <ratio>', 'share of answers that are an HTML error page'))
    .addOption(
      new Option('--non-json-status <code>', 'status of that HTML page (default 502)').choices([
        '200',
        '502',
      ]),
    )
    .addOption(new Option('--reset-rate <ratio>', 'share of connections reset without an answer'))
    .addOption(
      new Option('--fault-match <text>', 'only requests whose "METHOD /path" contains this text get faults'),
    )
    .addOption(new Option('--fault-seed <n>', 'seed of the fault dice (default 1): same seed, same faults'));
}

type Kind = 'ratio' | 'whole';
/** Commander's option name, the FaultConfig key, the flag as users type it, and its kind. */
const FLAGS: readonly [string, keyof FaultConfig, string, Kind][] = [
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
export function faultConfigFromFlags(opts: Record<string, unknown>): FaultConfig | undefined {
  const config: Record<string, unknown> = {};
  for (const [name, key, flag, kind] of FLAGS) {
    const raw = opts[name];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (String(raw).trim() === '' || !Number.isFinite(n))
      throw new UsageError(`${flag} must be a number (got "${String(raw)}").`);
    if (kind === 'ratio' && (n < 0 || n > 1)) {
      throw new UsageError(`${flag} must be a share from 0 to 1, e.g. 0.2 for 20% (got "${String(raw)}").`);
    }
    if (kind === 'whole' && (!Number.isInteger(n) || n < 0)) {
      throw new UsageError(`${flag} must be a whole number, 0 or more (got "${String(raw)}").`);
    }
    config[key] = n;
  }
  if (typeof opts['faultMatch'] === 'string') config['match'] = opts['faultMatch'];
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
  if (config.failFirst) parts.push(`first ${config.failFirst} requests fail (${config.failStatus ?? 503})`);
  if (config.failRate) parts.push(`fail ${pct(config.failRate)} (${config.failStatus ?? 503})`);
  if (config.hangRate) parts.push(`hang ${pct(config.hangRate)}`);
  if (config.truncateRate) parts.push(`truncate ${pct(config.truncateRate)}`);
  if (config.nonJsonRate) parts.push(`non-JSON ${pct(config.nonJsonRate)} (${config.nonJsonStatus ?? 502})`);
  if (config.resetRate) parts.push(`reset ${pct(config.resetRate)}`);
  if (parts.length === 0) return 'none';
  if (config.match) parts.push(`only "${config.match}"`);
  return parts.join(', ') + (config.seed !== undefined ? ` (seed ${config.seed})` : '');
}
