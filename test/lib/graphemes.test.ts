import { describe, expect, it } from 'vitest';
import { cutToLength, graphemes } from '../../src/lib/graphemes.js';
import { CLUSTERS, STRADDLING, expectGraphemeCut } from '../helpers/graphemes.js';

describe('cutToLength', () => {
  it.each(STRADDLING)(
    'leaves out %s (%s) straddling the cut, %i unit(s) before it',
    (_what, cluster, before) => {
      const text = `${'a'.repeat(10 - before)}${cluster}bbb`;
      const cut = cutToLength(text, 10);
      expect(cut).toBe('a'.repeat(10 - before));
      expectGraphemeCut(text, cut);
    },
  );

  it.each(CLUSTERS)('keeps %s (%s) ending exactly at the cut', (_what, cluster) => {
    const text = `${'a'.repeat(10 - cluster.length)}${cluster}bbb`;
    expect(cutToLength(text, 10)).toBe(`${'a'.repeat(10 - cluster.length)}${cluster}`);
  });

  it('cuts plain ASCII at exactly `max`, and leaves text no longer than `max` alone', () => {
    expect(cutToLength('abcdefghij', 4)).toBe('abcd');
    expect(cutToLength('abc', 3)).toBe('abc');
    expect(cutToLength('a😀', 3)).toBe('a😀');
    expect(cutToLength('abc', 0)).toBe('');
  });

  it('never ends between a letter and the accent that follows, even when both are otherwise ASCII-like', () => {
    expect(cutToLength('abcde\u0301f', 5)).toBe('abcd');
    expect(cutToLength('ab\r\ncd', 3)).toBe('ab');
  });

  it('is empty when the first grapheme alone is longer than `max`', () => {
    expect(cutToLength('👩‍👩‍👧 family', 3)).toBe('');
  });
});

describe('graphemes', () => {
  it('gives one segment per user-perceived character', () => {
    expect([...graphemes('e\u0301🇫🇷👩‍👩‍👧x')].map((s) => s.segment)).toEqual(['e\u0301', '🇫🇷', '👩‍👩‍👧', 'x']);
  });
});
