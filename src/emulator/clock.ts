import type { State } from './state.js';

/**
 * The emulator's "now": the injected clock (tests) or the real one, plus the offset the clock
 * control route adds. The offset lives in the state so every process sharing it agrees.
 */
export function emulatorNow(base: () => Date, state: State): Date {
  const now = base().getTime();
  const offset = state.clockOffsetMs || 0;
  // A state file written before the offset was bounded may hold one past any real date: ignore it.
  const at = new Date(now + offset);
  return Number.isNaN(at.getTime()) || Math.abs(offset) > OFFSET_LIMIT_MS ? new Date(now) : at;
}

/** Offsets beyond this (200 years) are treated as none (see emulatorNow). */
const OFFSET_LIMIT_MS = 200 * 366 * 86_400_000;
