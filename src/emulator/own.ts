/**
 * Keyed state (rooms, tokens, sessions) is indexed by ids clients send. A plain object answers
 * `constructor`, `__proto__` or `toString` from its prototype, so every such read goes through
 * `own`, and the maps themselves have no prototype, so a write can never reach Object.prototype.
 */

/** The value stored under `key` itself, never one inherited from a prototype. */
export function own<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

/** A map with no prototype holding the own entries of `from` (`__proto__` included, as plain data). */
export function dict<T>(from: Readonly<Record<string, T>> = {}): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [key, value] of Object.entries(from)) out[key] = value;
  return out;
}
