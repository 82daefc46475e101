import { UsageError } from '../../errors.js';

/** A whole-number flag within bounds; the error names the flag. */
export function wholeFlag(raw: unknown, flag: string, min: number, max: number): number {
  const n = Number(raw);
  if (raw === undefined || String(raw).trim() === '' || !Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max} (got "${String(raw)}").`);
  }
  return n;
}
