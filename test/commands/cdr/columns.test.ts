import { describe, expect, it } from 'vitest';
import { CDR_COLUMNS, rowReader } from '../../../src/commands/cdr/columns.js';
import cdr from '../../../src/commands/cdr/index.js';
import { cdrRecord } from './fixtures.js';

/** Objects the route page leaves open: one JSON-text column each. */
const OPAQUE = [
  'room.room_details',
  'stats_quality.send.sharing',
  'stats_quality.receive.sharing',
  'stats_quality.receive.rtt',
];

describe('CDR_COLUMNS', () => {
  it('is the route page sample flattened, open objects kept whole, in the sample order', () => {
    // Walk the sample: open objects (even empty ones) are one column, everything else a leaf.
    const walk = (value: unknown, prefix: string): string[] =>
      (OPAQUE as readonly string[]).includes(prefix) ||
      value === null ||
      typeof value !== 'object' ||
      Array.isArray(value)
        ? [prefix]
        : Object.entries(value).flatMap(([k, v]) => walk(v, prefix ? `${prefix}.${k}` : k));
    expect(CDR_COLUMNS).toEqual(walk(cdrRecord(), ''));
  });

  it('is fixed: scripts index it by position (append only)', () => {
    expect(CDR_COLUMNS).toHaveLength(64);
    expect(CDR_COLUMNS.slice(0, 8)).toEqual([
      'trans_date',
      'conf_num',
      'sip',
      'call_num',
      'call_log_id',
      'parent_partner_id',
      'room.room_id',
      'room.connect_dt',
    ]);
    expect(CDR_COLUMNS.slice(-6)).toEqual([
      'stats_quality.call_quality',
      'video_embed',
      'visual_builder',
      'lowcode',
      'app_id',
      'cdr_id',
    ]);
    expect(new Set(CDR_COLUMNS).size).toBe(CDR_COLUMNS.length);
    expect(Object.isFrozen(CDR_COLUMNS)).toBe(true);
    // The default table shows columns CSV has too.
    expect(cdr.columns?.length).toBeGreaterThan(0);
    for (const c of cdr.columns ?? []) expect(CDR_COLUMNS).toContain(c);
  });
});

describe('rowReader', () => {
  it.each([
    [true, true],
    ['true', true],
    [' TRUE ', true],
    ['False', false],
    [false, false],
    ['yes', 'yes'],
    ['', ''],
    [0, 0],
    [null, null],
  ])('documented boolean %j reads as %j', (sent, want) => {
    expect(rowReader(['lowcode', 'room.sip'])({ lowcode: sent, room: { sip: sent } })).toEqual([want, want]);
  });

  it('leaves strings of other columns alone', () => {
    expect(rowReader(['user.name', 'conf_num'])({ user: { name: 'true' }, conf_num: 'FALSE' })).toEqual([
      'true',
      'FALSE',
    ]);
  });

  it('reads missing, non-object and array parents as undefined, and keeps objects whole', () => {
    const read = rowReader(['room.room_id', 'user.name', 'room.room_details', 'x.y.z']);
    expect(read({ room: 'flat', user: ['a'] })).toEqual([undefined, undefined, undefined, undefined]);
    expect(read({ room: { room_details: { a: [1] } } })).toEqual([
      undefined,
      undefined,
      { a: [1] },
      undefined,
    ]);
    expect(read(null)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
