import type { Context } from './context.js';
import { UsageError } from './lib/errors.js';
import { wholeFlag } from './lib/validate.js';
import { FORMATS, type Format } from './output/formats.js';
import { colorLevels, type ColorLevel } from './output/color.js';

/** Global options as commander hands them over (before checking). */
export interface RawGlobals {
  profile?: string;
  baseUrl?: string;
  output?: string;
  json?: boolean;
  fields?: string;
  quiet?: boolean;
  color?: boolean;
  verbose?: boolean;
  timeout?: string;
  retries?: string;
  yes?: boolean;
  input?: boolean;
  emulator?: boolean;
  insecure?: boolean;
  csvRaw?: boolean;
}

/** Global options after checks, with the environment and TTY state folded in. */
export interface Globals {
  profile: string | undefined;
  baseUrl: string | undefined;
  format: Format;
  /** True when the user chose the format (so commands keep table defaults otherwise). */
  formatExplicit: boolean;
  fields: string[] | undefined;
  quiet: boolean;
  /** Colour on stderr: 0 none, 1 16 colours, 2 256, 3 truecolor (src/output/color.ts). */
  color: ColorLevel;
  /** Colour in stdout tables, at that level; 0 unless the format is table. */
  stdoutColor: ColorLevel;
  verbose: boolean;
  timeoutMs: number;
  retries: number;
  yes: boolean;
  /** True when prompting is allowed: stdin and stderr are TTYs, no --no-input, no CI. */
  canPrompt: boolean;
  emulator: boolean;
  insecure: boolean;
  /** `--csv-raw`: CSV cells exactly as received, formulas included. */
  csvRaw: boolean;
}

/** Path segments that reach an object's prototype instead of a field: never a field name. */
const UNSAFE_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** An environment flag is on unless unset, empty, "0" or "false" (any case): `CI=false` is off. */
export function truthyEnv(v: string | undefined): boolean {
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

/**
 * `--emulator` with `--profile` or `--base-url` is a contradiction (exit 2). ENABLEX_EMULATOR=1 left
 * in a shell loses to an explicit `--profile` or `--base-url`, so it never silently redirects them.
 */
function useEmulator(raw: RawGlobals, ctx: Context): boolean {
  const explicit =
    raw.profile !== undefined ? '--profile' : raw.baseUrl !== undefined ? '--base-url' : undefined;
  if (raw.emulator === true) {
    if (explicit) {
      throw new UsageError(
        `--emulator runs against the bundled emulator: it cannot be combined with ${explicit}.`,
      );
    }
    return true;
  }
  return explicit === undefined && truthyEnv(ctx.env['ENABLEX_EMULATOR']);
}

/** Checks and folds the global options; every rule names its flag. */
export function resolveGlobals(raw: RawGlobals, ctx: Context): Globals {
  let format: Format = 'table';
  let formatExplicit = false;
  if (raw.json) {
    format = 'json';
    formatExplicit = true;
  }
  if (raw.output !== undefined) {
    if (!(FORMATS as readonly string[]).includes(raw.output)) {
      throw new UsageError(`-o/--output must be one of ${FORMATS.join(', ')} (got "${raw.output}").`);
    }
    if (raw.json && raw.output !== 'json') throw new UsageError('--json and -o/--output disagree: give one.');
    format = raw.output as Format;
    formatExplicit = true;
  }
  // Decimal digits only, like every other number flag: Number() would also take 0x5, 1e1 or " 5 ".
  const decimal = raw.timeout === undefined || /^\d+(\.\d+)?$/.test(raw.timeout);
  const timeout = raw.timeout === undefined ? 30 : decimal ? Number(raw.timeout) : NaN;
  if (!Number.isFinite(timeout) || timeout <= 0 || timeout > 3600) {
    throw new UsageError(
      `--timeout must be a number of seconds above 0, at most 3600, in decimal digits such as 5 or 2.5 (got "${raw.timeout}").`,
    );
  }
  const retries = wholeFlag(raw.retries ?? 3, '--retries', 0, 10);
  const fields = raw.fields
    ?.split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (raw.fields !== undefined && (!fields || fields.length === 0)) {
    throw new UsageError('--fields needs a comma-separated list of field names, for example room_id,name.');
  }
  const forbidden = fields?.find((f) => f.split('.').some((part) => UNSAFE_SEGMENTS.has(part)));
  if (forbidden !== undefined) {
    throw new UsageError(
      `--fields: "${forbidden}" names a JavaScript object internal (__proto__, constructor, prototype), not a field.`,
    );
  }
  const colors = colorLevels(ctx.env, ctx, raw.color);
  const ci = truthyEnv(ctx.env['CI']);
  return {
    profile: raw.profile,
    baseUrl: raw.baseUrl,
    format,
    formatExplicit,
    fields,
    quiet: raw.quiet === true,
    color: colors.stderr,
    stdoutColor: format === 'table' ? colors.stdout : 0,
    verbose: raw.verbose === true,
    timeoutMs: Math.round(timeout * 1000),
    retries,
    yes: raw.yes === true,
    canPrompt: raw.input !== false && !ci && ctx.stdin.isTTY === true && ctx.stderr.isTTY === true,
    emulator: useEmulator(raw, ctx),
    insecure: raw.insecure === true,
    csvRaw: raw.csvRaw === true,
  };
}
