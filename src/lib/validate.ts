import { UsageError } from './errors.js';

/**
 * Checks an id before it goes into a URL path: non-empty, no `/`, no `..`, only URL-safe characters.
 * The API's ids are 24-hex ObjectIds, but white-label hosts may differ, so only safety is enforced.
 */
export function checkId(value: string | undefined, what: string): string {
  const v = (value ?? '').trim();
  if (v === '') throw new UsageError(`${what} is empty.`);
  if (v === '.' || v === '..' || v.includes('/') || v.includes('\\') || !/^[A-Za-z0-9._~-]{1,128}$/.test(v)) {
    throw new UsageError(
      `${what} "${value}" is not a valid id: use only letters, digits, ".", "_", "-", "~" (no "/" or "..").`,
      'Room ids look like 5f3b2c1a9d8e7f6a5b4c3d2e; list them with `enablex room list`.',
    );
  }
  return v;
}

/**
 * Why a custom-data key (`--data key=value`, a --file's `data`) is refused, or undefined when it is
 * fine: letters, digits, "_" and "-", at most 64, and never a JavaScript object internal.
 */
export function dataKeyProblem(key: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(key)) return 'may hold only letters, digits, "_" and "-" (at most 64)';
  if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
    return 'is a JavaScript object internal, not a data key';
  }
  return undefined;
}

/** Parses repeatable `key=value` pairs (for --data) into an object, naming the flag on error. */
export function parseKeyValues(
  pairs: readonly string[] | undefined,
  flag: string,
  maxKeys?: number,
): Record<string, string> | undefined {
  if (!pairs || pairs.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = eq > 0 ? pair.slice(0, eq).trim() : '';
    if (key === '') throw new UsageError(`${flag} "${pair}" must look like key=value.`);
    const problem = dataKeyProblem(key);
    if (problem) throw new UsageError(`${flag} key "${key}" ${problem}.`);
    out[key] = pair.slice(eq + 1);
  }
  if (maxKeys !== undefined && Object.keys(out).length > maxKeys) {
    throw new UsageError(`${flag} allows at most ${maxKeys} keys (got ${Object.keys(out).length}).`);
  }
  return out;
}

/**
 * Reads a whole-number flag within bounds; the error names the flag and the range. Only digits count
 * (no sign, point, exponent or hex), so "1e3" or "0x10" are refused rather than read as a number
 * nobody typed, and an empty value is refused rather than read as 0.
 */
export function wholeFlag(raw: unknown, flag: string, min: number, max: number, hint?: string): number {
  const text = String(raw ?? '').trim();
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) {
    throw new UsageError(
      `${flag} must be a whole number from ${min} to ${max} (got "${String(raw)}").`,
      hint,
    );
  }
  return n;
}

/** Commander collector for repeatable options. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
