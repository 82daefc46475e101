import type { State } from './state.js';

/**
 * The emulator's "now": the injected clock (tests) or the real one, plus the offset the clock
 * control route adds. The offset lives in the state so every process sharing it agrees.
 */
export function emulatorNow(base: () => Date, state: State): Date {
  return new Date(base().getTime() + (state.clockOffsetMs || 0));
}
