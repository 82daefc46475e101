import { Faults, type FaultConfig } from '../../../src/emulator/faults.js';

/** What the dice decide for one request. */
type FaultKind = ReturnType<Faults['decide']>['kind'];

/**
 * A fault seed under which the emulator's dice give exactly `pattern` for the first requests that
 * match (e.g. reset, then nothing): the emulator draws from a seeded source, so a test can ask for
 * "the first GET is reset, the retry goes through" without relying on luck.
 */
export function seedFor(
  config: FaultConfig,
  method: string,
  path: string,
  pattern: FaultKind[],
): FaultConfig {
  for (let seed = 1; seed < 10_000; seed++) {
    const faults = new Faults({ ...config, seed });
    if (pattern.every((want) => faults.decide(method, path).kind === want)) return { ...config, seed };
  }
  throw new Error(`no fault seed gives ${pattern.join(', ')}`);
}
