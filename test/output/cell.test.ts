import { describe, expect, it } from 'vitest';
import { createWriter } from '../../src/commands/cdr/writers.js';
import { cellText } from '../../src/output/cell.js';
import { csvField } from '../../src/output/csv.js';
import { render } from '../../src/output/render.js';

const VALUES: [string, unknown, string][] = [
  ['null', null, ''],
  ['undefined', undefined, ''],
  ['a number', -1.5, '-1.5'],
  ['a boolean', false, 'false'],
  ['text', 'Daily standup', 'Daily standup'],
  ['an array', [1, 'a'], '[1,"a"]'],
  ['an object', { a: null }, '{"a":null}'],
  ['text with ESC', 'a\u001b[2Jb', 'a\\x1b[2Jb'],
  ['a formula', '=1+1', '=1+1'],
];

describe('cellText: one value-to-cell function', () => {
  it.each(VALUES)('%s', (_name, value, expected) => {
    expect(cellText(value)).toBe(expected);
  });

  it('neutralises formulas in text only, escapes only when asked, compacts timestamps when asked', () => {
    expect(cellText('=1+1', { neutralise: true })).toBe("'=1+1");
    expect(cellText(-2, { neutralise: true })).toBe('-2');
    expect(cellText('-2', { neutralise: true })).toBe('-2');
    expect(cellText('a\u001bb', { terminal: false })).toBe('a\u001bb');
    expect(cellText('2026-11-30T10:20:30Z', { compactTime: true })).toBe('2026-11-30 10:20');
    expect(cellText('2026-11-30 10:20:30', { compactTime: true })).toBe('2026-11-30 10:20');
  });

  it('a table, a CSV file and a CDR table write the same cell for the same value', async () => {
    const writer = await createWriter('table', ['v'], {}, { columns: ['v'] });
    for (const [, value, expected] of VALUES) {
      const table = render([{ v: value }], { format: 'table', tableColumns: ['v'] });
      expect(table).toBe(expected === '' ? 'v\n\n' : `v\n${expected}\n`);
      expect(writer.prepare({ v: value } as never)).toEqual([expected]);
      expect(csvField(value, { neutralise: false, terminal: true })).toBe(
        /[",]/.test(expected) ? `"${expected.replace(/"/g, '""')}"` : expected,
      );
    }
  });
});
