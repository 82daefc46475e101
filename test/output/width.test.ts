import { eastAsianWidth } from 'get-east-asian-width';
import { describe, expect, it } from 'vitest';
import { render, StreamedTable } from '../../src/output/render.js';
import { truncateToWidth, wrapToWidth } from '../../src/output/width.js';

/**
 * An independent ruler, not the one the code uses (string-width): graphemes from Intl.Segmenter, an
 * RGI emoji sequence (ZWJ families, flags, keycaps) is 2 columns, a grapheme starting with a
 * combining mark or a zero-width character is 0, otherwise the East Asian Width of its first code
 * point (Wide and Fullwidth are 2).
 */
const segmenter = new Intl.Segmenter();
// The v flag (RGI emoji sequences) is newer than the compile target; Node 20 has it.
const EMOJI = new RegExp('^\\p{RGI_Emoji}$', 'v');
const ZERO = /^[\p{Mn}\p{Me}\u200b-\u200d\u2060\ufeff]/u;
// eslint-disable-next-line no-control-regex -- stripping the ESC of colour codes before measuring
const ANSI = /\u001b\[[0-9;]*m/g;
function graphemes(text: string): string[] {
  return [...segmenter.segment(text)].map((s) => s.segment);
}
function ruler(text: string): number {
  let w = 0;
  for (const g of graphemes(text.replace(ANSI, ''))) {
    if (EMOJI.test(g)) w += 2;
    else if (ZERO.test(g)) w += 0;
    else w += eastAsianWidth(g.codePointAt(0)!);
  }
  return w;
}

const FAMILY = '👩‍👩‍👧‍👦'; // ZWJ sequence: 7 code points, 11 UTF-16 units, 2 columns
const FLAG_JP = '🇯🇵';
const CAFE = 'Cafe\u0301'; // e + combining acute: 4 columns
const NAMES = [
  `東京本社の大会議室ミーティング${FAMILY}`,
  `${FAMILY}${FAMILY}${FAMILY} family call with a long description`,
  `${FLAG_JP}${FLAG_JP} 日本チーム ${FLAG_JP} weekly sync`,
  `${CAFE} de Flore — re\u0301union hebdomadaire des e\u0301quipes`,
  '서울 지사 주간 회의 및 프로젝트 검토 세션',
  'Ｆｕｌｌｗｉｄｔｈ ｒｏｏｍ ｎａｍｅ ｈｅｒｅ',
];
const ROOMS = NAMES.map((name, i) => ({
  room_id: `6500aa00bb11cc22dd33ee${String(i).padStart(2, '0')}`,
  name,
  owner_ref: `team-${FAMILY}-${i}`,
  settings: { mode: 'group', scheduled: false, participants: 10 + i },
  created: '2026-11-30T10:20:30Z',
}));

/** No lone surrogate, no replacement character. */
function wellFormed(text: string): boolean {
  return (
    !text.includes('\ufffd') &&
    !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)
  );
}

/** Every grapheme of a shown line (cut marks and spaces aside) comes whole from one of the inputs. */
function wholeGraphemes(line: string, inputs: readonly string[]): boolean {
  const known = new Set(inputs.flatMap(graphemes));
  return graphemes(line).every((g) => g === '…' || g === ' ' || known.has(g));
}

describe('widths are display columns (checked with an independent ruler)', () => {
  it('the ruler agrees with hand counts', () => {
    expect(ruler(FAMILY)).toBe(2);
    expect(FAMILY.length).toBe(11);
    expect(ruler(FLAG_JP)).toBe(2);
    expect(ruler(CAFE)).toBe(4);
    expect(ruler('東京')).toBe(4);
    expect(ruler('Ｆｕｌｌ')).toBe(8);
  });

  it.each([80, 70, 40])('a room table of CJK, emoji, flags and accents fits %i columns', (width) => {
    const text = render(ROOMS, {
      format: 'table',
      tableColumns: ['room_id', 'name', 'owner_ref', 'settings.mode', 'created'],
      width,
    });
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBe(ROOMS.length + 1);
    for (const line of lines) {
      expect(ruler(line)).toBeLessThanOrEqual(width);
      expect(wellFormed(line)).toBe(true);
      const inputs = ROOMS.flatMap((r) => [r.room_id, r.name, r.owner_ref, r.settings.mode, r.created]);
      expect(wholeGraphemes(line, [...inputs, 'room_id name owner_ref mode created'])).toBe(true);
    }
    // Every row's ids are whole, and the columns line up: each row's id is followed at the same column.
    for (const room of ROOMS) expect(text).toContain(room.room_id);
  });

  it.each([80, 70, 40])('a wrapping column of CJK and emoji stays within %i columns', (width) => {
    const rows = NAMES.map((n, i) => ({ check: `c${i}`, status: 'ok', detail: `${n} ${n}` }));
    const text = render(rows, {
      format: 'table',
      tableColumns: ['check', 'status', 'detail'],
      width,
      wrap: 'detail',
    });
    for (const line of text.trimEnd().split('\n')) {
      expect(ruler(line)).toBeLessThanOrEqual(width);
      expect(wellFormed(line)).toBe(true);
      expect(wholeGraphemes(line, [...NAMES, 'check status detail', 'c0c1c2c3c4c5', 'ok'])).toBe(true);
    }
  });

  it.each([80, 70, 40])('a single room (key: value) of wide text stays within %i columns', (width) => {
    const room = {
      room_id: 'r1',
      名前: NAMES.join(' '),
      会議室の表示名: NAMES[2],
      [`tag${FAMILY}`]: NAMES[1],
    };
    const text = render(room, { format: 'table', width });
    const lines = text.trimEnd().split('\n');
    for (const line of lines) {
      expect(ruler(line)).toBeLessThanOrEqual(width);
      expect(wellFormed(line)).toBe(true);
    }
    // Keys are padded by their display width: every value starts at the same column.
    const starts = lines
      .filter((l) => !l.startsWith(' '))
      .map((l) => ruler(l.slice(0, l.search(/ {2}\S/) + 2)));
    expect(new Set(starts).size).toBe(1);
    expect(lines[1]!.startsWith('名前')).toBe(true);
    expect(text).toContain('会議室の表示名  ');
  });

  it.each([80, 70, 40])('a streamed table (CDR export) of wide text stays within %i columns', (width) => {
    const head = ['room_id', 'name', 'user'];
    const first = [['r1', NAMES[0]!, FAMILY]];
    const t = StreamedTable.plan(head, first, { width, keep: [0] });
    for (const name of NAMES) {
      const line = t.row(['r2', name, `${FLAG_JP}${name}`]);
      expect(ruler(line.trimEnd())).toBeLessThanOrEqual(width);
      expect(wellFormed(line)).toBe(true);
      expect(wholeGraphemes(line.trimEnd(), [...NAMES, `${FLAG_JP}`, 'r2'])).toBe(true);
    }
  });
});

describe('cuts (hand-written expectations)', () => {
  it('never splits a wide character: a space fills the half column', () => {
    expect(truncateToWidth('東京会議室', 6)).toBe('東京… ');
    expect(truncateToWidth('東京会議室', 7)).toBe('東京会…');
    expect(truncateToWidth('東京会議室', 10)).toBe('東京会議室');
  });

  it('never splits an emoji ZWJ sequence, a flag or a letter from its accent', () => {
    expect(truncateToWidth(`${FAMILY}${FAMILY}${FAMILY}`, 4)).toBe(`${FAMILY}… `);
    expect(truncateToWidth(`${FAMILY}${FAMILY}${FAMILY}`, 5)).toBe(`${FAMILY}${FAMILY}…`);
    expect(truncateToWidth(`${FLAG_JP}${FLAG_JP}${FLAG_JP}`, 4)).toBe(`${FLAG_JP}… `);
    expect(truncateToWidth('Cafe\u0301 Cafe\u0301', 5)).toBe('Cafe\u0301…');
    expect(truncateToWidth('e\u0301e\u0301e\u0301e\u0301', 3)).toBe('e\u0301e\u0301…');
  });

  it('wraps by display columns on spaces, a word too wide for the line ending in …', () => {
    expect(wrapToWidth('東京 会議室 ミーティング', 11)).toEqual(['東京 会議室', 'ミーティン…']);
    expect(wrapToWidth('東京 会議室 ミーティング', 10)).toEqual(['東京', '会議室', 'ミーティ… ']);
    expect(wrapToWidth(`${FAMILY} ${FAMILY} ${FAMILY}`, 5)).toEqual([`${FAMILY} ${FAMILY}`, FAMILY]);
    // An ideographic space is two columns wide.
    expect(wrapToWidth('ab\u3000cd', 5)).toEqual(['ab', 'cd']);
  });
});
