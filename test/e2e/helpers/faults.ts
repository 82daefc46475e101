import { Faults, type FaultConfig, type FaultKind } from '../../../src/emulator/faults.js';

/**
 * A fault seed under which the emulator's dice give exactly `pattern` for the first requests that
 * match (e.g. reset, then nothing): the emulator draws from a seeded source, so a test can ask for
 * "the first GET is reset, the retry goes through" without relying on luck.
 */
export function seedFor(
  config: FaultConfig,
  method: string,
  path: string,
  pattern: (FaultKind | undefined)[],
): FaultConfig {
  for (let seed = 1; seed < 10_000; seed++) {
    const faults = new Faults({ ...config, seed });
    if (pattern.every((want) => faults.decide(method, path).kind === want)) return { ...config, seed };
  }
  throw new Error(`no fault seed gives ${pattern.join(', ')}`);
}
