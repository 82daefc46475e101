import { randomBytes } from 'node:crypto';
import { hexDigits, type Random } from './prng.js';

/**
 * A 24-hex-digit MongoDB-style ObjectId: 8 digits of Unix seconds, then 16 random ones. With a
 * seeded random source (demo data) the id is deterministic; otherwise crypto makes it unique
 * across the several processes that may share one state file.
 */
export function objectId(at: Date, random?: Random): string {
  const seconds = Math.max(0, Math.floor(at.getTime() / 1000));
  const time = seconds.toString(16).padStart(8, '0').slice(-8);
  return time + (random ? hexDigits(random, 16) : randomBytes(8).toString('hex'));
}

/** First conference number; conf_num is an 8-digit numeric string, 10000001 upwards. */
const CONF_BASE = 10_000_000;

/** The conf_num of the n-th session of this emulator state (n from 1). */
export function confNum(n: number): string {
  return String(CONF_BASE + n);
}
