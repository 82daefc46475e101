import { emulatorNow } from './clock.js';
import type { Faults } from './faults.js';
import { needsSettle, settle } from './sessions.js';
import type { State } from './state.js';
import type { Store } from './store.js';
import type { SyntheticPlan } from './synthetic.js';

/** The credentials an emulator accepts: API (app id/key) and recording files (user/password). */
export interface EmulatorCredentials {
  appId: string;
  appKey: string;
  recordingUser: string;
  recordingPassword: string;
}

/**
 * What every handler works with: the store, the credentials, the clock, the faults. `view` and
 * `change` first end sessions whose time ran out, so reads never show a session that is over.
 */
export class Core {
  constructor(
    readonly store: Store,
    readonly credentials: EmulatorCredentials,
    private readonly clock: () => Date,
    readonly faults: Faults,
    readonly synthetic: SyntheticPlan | undefined,
  ) {}

  /** The current state (read-only) and the emulator's now. */
  async view(): Promise<{ state: State; now: Date }> {
    let state = await this.store.read();
    if (needsSettle(state, emulatorNow(this.clock, state))) {
      await this.change(() => undefined);
      state = await this.store.read();
    }
    return { state, now: emulatorNow(this.clock, state) };
  }

  /** The emulator's now (clock offset included), without ending sessions whose time ran out. */
  async now(): Promise<Date> {
    return emulatorNow(this.clock, await this.store.read());
  }

  /** Applies a change atomically (under the state lock when on disk). */
  change<T>(apply: (state: State, now: Date) => T): Promise<T> {
    return this.store.mutate((state) => {
      const now = emulatorNow(this.clock, state);
      settle(state, now, this.credentials.appId);
      return apply(state, now);
    });
  }
}
