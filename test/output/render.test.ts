import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/output/csv.js';
import { flatten, pickPaths } from '../../src/output/flatten.js';
import { render } from '../../src/output/render.js';

const rooms = [
  { room_id: 'a1', name: 'Alpha', settings: { mode: 'group', participants: '10' }, sip: { enabled: false } },
  {
    room_id: 'b2',
    name: 'Beta, "quoted"',
    settings: { mode: 'lecture', quality: 'HD' },
    data: { tags: ['x', 'y'] },
  },
];

describe('render', () => {
  it('json: a list is an array, an object is itself', () => {
    expect(JSON.parse(render(rooms, { format: 'json' }))).toEqual(rooms);
    expect(JSON.parse(render(rooms[0], { format: 'json' }))).toEqual(rooms[0]);
  });

  it('json --fields keeps nesting', () => {
    expect(JSON.parse(render(rooms, { format: 'json', fields: ['room_id', 'settings.mode'] }))).toEqual([
      { room_id: 'a1', settings: { mode: 'group' } },
      { room_id: 'b2', settings: { mode: 'lecture' } },
    ]);
  });

  it('ndjson: one object a line', () => {
    const lines = render(rooms, { format: 'ndjson', fields: ['room_id'] })
      .trimEnd()
      .split('\n');
    expect(lines).toEqual(['{"room_id":"a1"}', '{"room_id":"b2"}']);
  });

  it('csv: dotted columns, union of keys, RFC 4180 quoting, CRLF', () => {
    const out = render(rooms, { format: 'csv' });
    expect(out.split('\r\n')[0]).toBe(
      'room_id,name,settings.mode,settings.participants,sip.enabled,settings.quality,data.tags',
    );
    expect(out).toContain('b2,"Beta, ""quoted""",lecture,,,HD,"[""x"",""y""]"\r\n');
  });

  it("csv: the command's usual columns lead; an empty object adds no column", () => {
    const out = render(
      [
        { b: 1, a: 2, data: {} },
        { a: 3, data: { team: 'x' } },
      ],
      { format: 'csv', tableColumns: ['a'] },
    );
    expect(out).toBe('a,b,data.team\r\n2,1,\r\n3,,x\r\n');
  });

  it('csv: an empty list still has the usual columns as its header', () => {
    expect(render([], { format: 'csv', tableColumns: ['room_id', 'name'] })).toBe('room_id,name\r\n');
  });

  it('table: fits a terminal width, cutting wide columns but never ids', () => {
    const rows = [{ room_id: 'a'.repeat(24), name: 'n'.repeat(60), owner_ref: 'o'.repeat(30) }];
    const out = render(rows, { format: 'table', width: 60 });
    for (const line of out.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(60);
    expect(out).toContain('a'.repeat(24));
    expect(out).toContain('…');
    expect(render(rows, { format: 'table' })).toContain('n'.repeat(60));
  });

  it('table: a message column wraps instead of being cut; timestamps lose their seconds first', () => {
    const rows = [{ check: 'config', detail: 'word '.repeat(30).trim(), at: '2026-11-29T12:00:00.000Z' }];
    const out = render(rows, { format: 'table', width: 60, wrap: 'detail' });
    for (const line of out.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(60);
    expect(out).not.toContain('…');
    expect(out.match(/word/g)).toHaveLength(30);
    expect(out).toContain('2026-11-29 12:00');
  });

  it('table: dates and times are not cut', () => {
    const rows = [
      { when: '2026-11-29 12:00:00', name: 'x'.repeat(80) },
      { when: '2026-11-30 12:00:00', name: 'y' },
    ];
    const out = render(rows, { format: 'table', width: 50 });
    // Seconds go when the table is too wide, but the date and minute are whole.
    expect(out).toContain('2026-11-29 12:00');
    expect(out).not.toMatch(/2026-11-29 1…/);
    expect(out).toContain('…');
  });

  it('csv --fields picks and orders columns', () => {
    expect(render(rooms, { format: 'csv', fields: ['settings.mode', 'room_id'] })).toBe(
      'settings.mode,room_id\r\ngroup,a1\r\nlecture,b2\r\n',
    );
  });

  it('yaml', () => {
    expect(render(rooms[0], { format: 'yaml', fields: ['room_id'] })).toBe('room_id: a1\n');
  });

  it('table: list with chosen columns', () => {
    const out = render(rooms, { format: 'table', tableColumns: ['room_id', 'settings.mode'] });
    expect(out).toContain('room_id');
    expect(out.split('\n')[0]).toBe('room_id  mode');
    expect(out).toContain('lecture');
    expect(out).not.toContain('Alpha');
  });

  it('table: an object as keys and values', () => {
    const out = render(rooms[0], { format: 'table' });
    expect(out).toMatch(/^settings\.participants {2}10$/m);
  });

  it('an empty CSV still has its header when --fields names the columns', () => {
    expect(render([], { format: 'csv', fields: ['room_id', 'name'] })).toBe('room_id,name\r\n');
    expect(render([], { format: 'csv' })).toBe('');
  });

  it('empty lists print nothing in table and csv', () => {
    expect(render([], { format: 'table' })).toBe('');
    expect(render([], { format: 'json' })).toBe('[]\n');
  });
});

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line1\nline2', '"line1\nline2"'],
    ['Zoë Ångström 東京', 'Zoë Ångström 東京'],
    [' padded', '" padded"'],
    [null, ''],
    [true, 'true'],
    [12.5, '12.5'],
  ])('%j -> %s', (v, out) => {
    expect(csvField(v)).toBe(out);
  });
});

describe('flatten and pickPaths', () => {
  it('flattens nested objects, drops empty objects, keeps arrays as JSON', () => {
    expect(flatten({ a: { b: 1, c: {} }, d: [1, 2], e: null })).toEqual({ 'a.b': 1, d: '[1,2]', e: null });
  });

  it('picks nested paths and skips missing ones', () => {
    expect(pickPaths({ a: { b: 1, c: 2 } }, ['a.b', 'x.y'])).toEqual({ a: { b: 1 } });
  });
});
