import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText } from '../../src/output/cell.js';
import { csvField, type CsvOptions } from '../../src/output/csv.js';

/** The field by the rule, step by step: the cell's text, then RFC 4180 quoting. */
function byTheRule(value: unknown, opts: CsvOptions): string {
  const s = cellText(value, { neutralise: opts.neutralise !== false, terminal: opts.terminal === true });
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// Characters that change a field (quote, comma, line ends, spaces of every kind, formula starts,
// controls, bidi and line separators) among plain ones.
const unit = fc.constantFrom(
  ...['a', 'Z', '1', '.', ' ', '"', ',', '\r', '\n', '\t', '=', '+', '-', '@', '\u00a0', '\u3000'],
  ...['＝', '＋', '－', '＠', '\u001b', '\u009b', '\u2028', '\u202e', '\\', 'é', '漢', '😀'],
);
const options = fc.record({ neutralise: fc.boolean(), terminal: fc.boolean() });

describe('csvField', () => {
  it('writes every text cell as the rule says, whether or not it takes the plain-text path', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 12 }), options, (text, opts) => {
        expect(csvField(text, opts)).toBe(byTheRule(text, opts));
      }),
      { numRuns: 5000 },
    );
  });

  it('writes plain text as it is, and quotes or neutralises only what needs it', () => {
    expect(csvField('Bench room 7', {})).toBe('Bench room 7');
    expect(csvField('', {})).toBe('');
    expect(csvField(' lead', {})).toBe('" lead"');
    expect(csvField('trail\u00a0', {})).toBe('"trail\u00a0"');
    expect(csvField('a,b', {})).toBe('"a,b"');
    expect(csvField('=1+1', {})).toBe("'=1+1");
    expect(csvField('=1+1', { neutralise: false })).toBe('=1+1');
    expect(csvField('-2', {})).toBe('-2');
    expect(csvField('\u001b[2J', { terminal: true })).toBe('\\x1b[2J');
    expect(csvField('\u001b[2J', {})).toBe('\u001b[2J');
  });
});
