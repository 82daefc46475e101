import { expect } from 'vitest';

/**
 * Clusters of more than one UTF-16 unit that a cut must never split: a surrogate pair, an emoji ZWJ
 * sequence, a flag (two regional indicators) and a letter with a combining accent.
 */
export const CLUSTERS: readonly (readonly [string, string])[] = [
  ['an emoji (surrogate pair)', '😀'],
  ['a ZWJ family', '👩‍👩‍👧'],
  ['a flag', '🇫🇷'],
  ['e and a combining accent', 'e\u0301'],
];

/** Every way `cluster` can straddle a cut: how many of its units come before the cut (1 to length-1). */
function straddles(cluster: string): number[] {
  return Array.from({ length: cluster.length - 1 }, (_, i) => i + 1);
}

/**
 * One row per cluster and per way it can straddle the cut: `[what, cluster, unitsBefore]`, for
 * `it.each`.
 */
export const STRADDLING: readonly (readonly [string, string, number])[] = CLUSTERS.flatMap(([what, c]) =>
  straddles(c).map((k) => [what, c, k] as const),
);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// An independent ruler for the test, not the code's own segmenter.
const segmenter = new Intl.Segmenter();

/**
 * Checks that `shown` is `original` cut between two graphemes: no lone surrogate, no U+FFFD, and
 * the part before `mark` (the `…` a cut adds) a start of `original` that ends at a grapheme boundary.
 */
export function expectGraphemeCut(original: string, shown: string, mark = '…'): void {
  expect(shown).not.toMatch(LONE_SURROGATE);
  expect(shown).not.toContain('\uFFFD');
  const head = shown.endsWith(mark) ? shown.slice(0, -mark.length) : shown;
  expect(original.startsWith(head)).toBe(true);
  const boundaries = new Set([0, ...[...segmenter.segment(original)].map((s) => s.index + s.segment.length)]);
  expect(boundaries.has(head.length)).toBe(true);
}
