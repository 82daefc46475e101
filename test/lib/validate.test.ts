import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/lib/errors.js';
import { wholeFlag } from '../../src/lib/validate.js';

describe('wholeFlag', () => {
  it.each([
    ['1', 1, 10, 1],
    ['10', 1, 10, 10],
    [' 7 ', 1, 10, 7],
    ['007', 1, 10, 7],
    ['0', 0, 65535, 0],
    [4, 1, 16, 4],
  ])('%j within %i-%i is %i', (raw, min, max, want) => {
    expect(wholeFlag(raw, '--n', min, max)).toBe(want);
  });

  it.each([['0'], ['11'], [''], ['  '], ['1.5'], ['2x'], ['-1'], ['+3'], ['1e1'], ['0x5'], [undefined]])(
    '%j is refused, naming the flag, the range and the value',
    (raw) => {
      const refuse = () => wholeFlag(raw, '--n', 1, 10);
      expect(refuse).toThrow(UsageError);
      expect(refuse).toThrow(`--n must be a whole number from 1 to 10 (got "${String(raw)}").`);
    },
  );

  it('carries the hint given', () => {
    expect(() => wholeFlag('x', '--port', 0, 65535, 'Use --port 0 for any free port.')).toThrow(
      expect.objectContaining({ hint: 'Use --port 0 for any free port.' }),
    );
  });
});
