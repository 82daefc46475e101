/**
 * Small deterministic random sources. Seeds, fault injection and synthetic CDR must give the same
 * output for the same input on every run, which Math.random cannot promise.
 */

/** A random source: numbers in [0, 1). */
export type Random = () => number;

/** 32-bit FNV-1a hash of a string, to turn names and ids into seeds. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mulberry32: tiny, fast, good enough for test data. */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random source seeded from any string. */
export function seeded(label: string): Random {
  return mulberry32(hashString(label));
}

/** A whole number in [min, max], inclusive. */
export function intBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** One element of a non-empty list. */
export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** `n` lowercase hex digits (eight at a time: synthetic CDR makes millions of them). */
export function hexDigits(random: Random, n: number): string {
  let out = '';
  while (out.length < n)
    out += Math.floor(random() * 4294967296)
      .toString(16)
      .padStart(8, '0');
  return out.slice(0, n);
}
