import { createRequire } from 'node:module';
import type TableType from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { fitToWidth, headerNames, StreamedTable } from '../../src/output/fit.js';
import { columnsText } from '../../src/output/render.js';
import { cutToWidth, textWidth } from '../../src/output/width.js';

const require = createRequire(import.meta.url);
const Table = require('cli-table3') as typeof TableType;

/** What the renderer drew with cli-table3 before: the reference for the column formatter. */
function cliTable3(head: string[], body: string[][]): string {
  const none = Object.fromEntries(
    ['top', 'top-mid', 'top-left', 'top-right', 'bottom', 'bottom-mid', 'bottom-left', 'bottom-right']
      .concat(['left', 'left-mid', 'mid', 'mid-mid', 'right', 'right-mid'])
      .map((k) => [k, '']),
  );
  const table = new Table({
    chars: { ...none, middle: '  ' },
    style: { 'padding-left': 0, 'padding-right': 0, head: [], border: [] },
    head,
  });
  for (const row of body) table.push(row);
  return (
    table
      .toString()
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n') + '\n'
  );
}

describe('columnsText', () => {
  const cases: [string, string[], string[][]][] = [
    [
      'plain',
      ['room_id', 'name', 'mode'],
      [
        ['a1', 'Daily standup', 'group'],
        ['b22', 'x', ''],
      ],
    ],
    [
      'wide characters',
      ['name', 'ref'],
      [
        ['会議室 A', 'r1'],
        ['Café ☕ room', 'r2'],
        ['plain', '東京'],
      ],
    ],
    [
      'cells of several lines',
      ['k', 'v', 'w'],
      [
        ['a', 'line one\nline two', 'z'],
        ['bb', '', 'x\ny\nz'],
      ],
    ],
    [
      'colour codes',
      ['status', 'n'],
      [
        ['\u001b[32mok\u001b[39m', '1'],
        ['failed', '22'],
      ],
    ],
    [
      'empty trailing cells',
      ['a', 'b', 'c'],
      [
        ['1', '', ''],
        ['', '', '3'],
      ],
    ],
  ];
  it.each(cases)('draws %s exactly as cli-table3 did', (_name, head, body) => {
    expect(columnsText(head, body)).toBe(cliTable3(head, body));
  });

  it('lays out 1,000 rows fast (a single pass over the cells)', () => {
    const body = Array.from({ length: 1000 }, (_, i) => [`id-${i}`, `Room ${i}`, 'group', '10']);
    const text = columnsText(['room_id', 'name', 'mode', 'participants'], body);
    expect(text.split('\n')).toHaveLength(1002);
    expect(text).toBe(cliTable3(['room_id', 'name', 'mode', 'participants'], body));
  });
});

describe('terminal widths', () => {
  it('counts wide characters as two columns and colour codes as none', () => {
    expect(textWidth('abc')).toBe(3);
    expect(textWidth('日本語')).toBe(6);
    expect(textWidth('\u001b[31mab\u001b[39m')).toBe(2);
    expect(textWidth('one\nthree')).toBe(5);
  });

  it('cuts by width between graphemes, never inside a wide character or an emoji sequence', () => {
    expect(cutToWidth('abcdef', 3)).toBe('abc');
    expect(cutToWidth('日本語です', 5)).toBe('日本');
    expect(cutToWidth('👩‍👩‍👧 family', 3)).toBe('👩‍👩‍👧 ');
    expect(cutToWidth('e\u0301te\u0301', 2)).toBe('e\u0301t');
  });

  it('fits a table of wide names to the terminal by columns, not characters', () => {
    const fitted = fitToWidth(['room_id', 'name'], [['r1', '東京の会議室ミーティング']], 20);
    const name = fitted.body[0]?.[1] ?? '';
    expect(textWidth(name)).toBeLessThanOrEqual(20 - 2 - 7);
    expect(name.endsWith('…')).toBe(true);
  });

  it('names headers by the column list alone: last part, full path when two would clash', () => {
    expect(headerNames(['room_id', 'settings.mode', 'user.name', 'room.name'])).toEqual([
      'room_id',
      'mode',
      'user.name',
      'room.name',
    ]);
  });

  it('hides whole columns, never headers cut, when even the narrowest layout is too wide', () => {
    const fitted = fitToWidth(
      ['id', 'name', 'participants', 'transcoded'],
      [['abc', 'n'.repeat(40), '1', '2']],
      30,
    );
    expect(fitted.head).toEqual(['id', 'name', 'participants']);
    expect(fitted.hidden).toEqual(['transcoded']);
    expect(fitted.widths.reduce((a, b) => a + b, 0) + 2 * (fitted.widths.length - 1)).toBeLessThanOrEqual(30);
  });
});

describe('StreamedTable', () => {
  const head = ['room_id', 'name'];
  const first = [['5f3b2c1a9d8e7f6a5b4c3d2e', 'Ava']];

  it("lays later rows out to the first rows' widths, cutting them on a terminal", () => {
    const t = StreamedTable.plan(
      [...head, 'role'],
      first.map((r) => [...r, 'host']),
      { width: 50, keep: [0] },
    );
    expect(t.header()).toBe('room_id                   name  role\n');
    expect(t.row([...first[0]!, 'host'])).toBe('5f3b2c1a9d8e7f6a5b4c3d2e  Ava   host\n');
    const later = t.row([
      '5f3b2c1a9d8e7f6a5b4c3d2f',
      'Bartholomew',
      'Montgomery-Fitzgerald, guest of honour',
    ]);
    // A middle column keeps its width; the last may use the rest of the terminal.
    expect(later).toBe('5f3b2c1a9d8e7f6a5b4c3d2f  Bar…  Montgomery-Fitzge…\n');
    expect(textWidth(later.trimEnd())).toBe(50);
  });

  it('keeps every character when piped: only the longer row shifts', () => {
    const t = StreamedTable.plan(['name', 'role'], [['Ava', 'host']], {});
    expect(t.row(['Bartholomew', 'guest'])).toBe('Bartholomew  guest\n');
    expect(t.row(['Bo', 'guest'])).toBe('Bo    guest\n');
  });
});

describe('big tables', () => {
  // Math.max(...widths) took one argument per row and overflowed the stack past ~120k rows.
  it('measures 200,000 rows without a RangeError', () => {
    const body = Array.from({ length: 200_000 }, (_, i) => ['a', i === 150_000 ? 'widest' : 'b']);
    expect(fitToWidth(['x', 'y'], body, undefined).widths).toEqual([1, 6]);
    expect(() => fitToWidth(['x', 'y'], body, 8)).not.toThrow();
  });

  it('measures a cell of 200,000 lines without a RangeError', () => {
    expect(textWidth(`${'a\n'.repeat(200_000)}東京`)).toBe(4);
  });
});
