import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { SummaryBuilder, factsOf } from '../../../src/commands/cdr/aggregate.js';
import { API_ORIGIN, runCli } from '../../helpers/cli.js';
import { useNock } from '../../helpers/nock.js';
import { cdrBody, cdrRecord } from './fixtures.js';

useNock();

/** The minutes a record adds to the summary (factsOf's, as the summary counts them). */
const connectMinutes = (record: object) => factsOf(record as Parameters<typeof factsOf>[0]).minutes;

describe('connect minutes of a record', () => {
  it.each([
    [{ connect_minutes_cal: 21, connect_minutes: 1230 }, 21],
    [{ connect_minutes_cal: '7', connect_minutes: 9999 }, 7],
    [{ connect_minutes_cal: 0, connect_minutes: 600 }, 0],
    [{ connect_minutes_cal: '0', connect_minutes: 600 }, 0],
    [{ connect_minutes: 61 }, 2],
    [{ connect_minutes: 60 }, 1],
    [{ connect_minutes: '120' }, 2],
    [{ connect_minutes: 0 }, 0],
    [{ connect_minutes_cal: '', connect_minutes: 59 }, 1],
    [{ connect_minutes_cal: 'n/a', connect_minutes: 30 }, 1],
    [{ connect_minutes_cal: null, connect_minutes: 1 }, 1],
    [{ connect_minutes_cal: -3, connect_minutes: 120 }, 2],
    [{ connect_minutes: -5 }, 0],
    [{ connect_minutes: 'abc' }, 0],
    [{}, 0],
  ])('%j -> %d minutes', (usage, want) => {
    expect(connectMinutes({ usage })).toBe(want);
  });

  it('is 0 without a usage object', () => {
    expect(connectMinutes({})).toBe(0);
    expect(connectMinutes({ usage: 'x' })).toBe(0);
  });
});

describe('SummaryBuilder', () => {
  const r = (
    room: string | undefined,
    name: string,
    ref: string,
    day: string,
    usage: object,
    quality?: unknown,
  ) =>
    factsOf(
      cdrRecord({
        room: { room_id: room },
        user: { name, ref },
        trans_date: `${day}T10:00:00.000Z`,
        usage: { connect_minutes_cal: undefined, connect_minutes: undefined, ...usage },
        stats_quality: { call_quality: quality },
      }),
    );

  it('totals minutes by room, user and day, and splits call quality', () => {
    const b = new SummaryBuilder();
    b.add(r('room-a', 'Ava', 'ava-1', '2026-11-02', { connect_minutes_cal: 10 }, 'Good'));
    b.add(r('room-a', 'Bruno', 'bru-1', '2026-11-02', { connect_minutes: 125 }, 'Bad'));
    b.add(r('room-b', 'Ava', 'ava-1', '2026-11-01', { connect_minutes_cal: '30' }, 'good'));
    b.add(r('room-b', 'Ava', 'ava-2', '2026-11-03', { connect_minutes_cal: 1 }, 'Moderate'));
    b.add(r(undefined, 'Ava', 'ava-1', '2026-11-03', {}, undefined));
    expect(b.result()).toEqual({
      by_room: [
        { room_id: 'room-b', records: 2, connect_minutes: 31 },
        { room_id: 'room-a', records: 2, connect_minutes: 13 },
        { room_id: null, records: 1, connect_minutes: 0 },
      ],
      by_user: [
        { name: 'Ava', ref: 'ava-1', records: 3, connect_minutes: 40 },
        { name: 'Bruno', ref: 'bru-1', records: 1, connect_minutes: 3 },
        { name: 'Ava', ref: 'ava-2', records: 1, connect_minutes: 1 },
      ],
      by_day: [
        { day: '2026-11-01', records: 1, connect_minutes: 30 },
        { day: '2026-11-02', records: 2, connect_minutes: 13 },
        { day: '2026-11-03', records: 2, connect_minutes: 1 },
      ],
      quality: { good: 2, bad: 1, other: 2 },
      totals: { records: 5, connect_minutes: 44, records_without_minutes: 1 },
    });
  });

  it('is all zeros with no records', () => {
    expect(new SummaryBuilder().result()).toEqual({
      by_room: [],
      by_user: [],
      by_day: [],
      quality: { good: 0, bad: 0, other: 0 },
      totals: { records: 0, connect_minutes: 0, records_without_minutes: 0 },
    });
  });

  it('takes the day from room.connect_dt when trans_date is missing', () => {
    const f = factsOf({ room: { connect_dt: '2026-10-31T23:59:59.999Z' } });
    expect(f.day).toBe('2026-10-31');
    expect(factsOf({}).day).toBeNull();
  });
});

describe('cdr summary', () => {
  const records = [
    cdrRecord({ cdr_id: '1', user: { name: 'Zoë, "Z"', ref: 'z' }, usage: { connect_minutes_cal: 5 } }),
    cdrRecord({
      cdr_id: '2',
      usage: { connect_minutes_cal: undefined, connect_minutes: 90 },
      stats_quality: { call_quality: 'Bad' },
    }),
  ];

  it('prints JSON as one object', async () => {
    nock(API_ORIGIN).get('/video/v2/cdr/conf/7').reply(200, cdrBody(records));
    const r = await runCli(['cdr', 'summary', '--conf', '7', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      by_room: [{ room_id: '5f3b2c1a9d8e7f6a5b4c3d2e', records: 2, connect_minutes: 7 }],
      by_user: [
        { name: 'Zoë, "Z"', ref: 'z', records: 1, connect_minutes: 5 },
        { name: 'Ava', ref: 'ava-1', records: 1, connect_minutes: 2 },
      ],
      by_day: [{ day: '2026-11-02', records: 2, connect_minutes: 7 }],
      quality: { good: 1, bad: 1, other: 0 },
      totals: { records: 2, connect_minutes: 7, records_without_minutes: 0 },
    });
  });

  it('prints small tables under headings by default; --fields picks sections', async () => {
    nock(API_ORIGIN).get('/video/v2/cdr/conf/7').reply(200, cdrBody(records));
    const r = await runCli(['cdr', 'summary', '--conf', '7']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'Connected minutes by room',
        'room_id                   records  connect_minutes',
        '5f3b2c1a9d8e7f6a5b4c3d2e  2        7',
        '',
        'Connected minutes by user',
        'name      ref    records  connect_minutes',
        'Zoë, "Z"  z      1        5',
        'Ava       ava-1  1        2',
        '',
        'Connected minutes by day (UTC)',
        'day         records  connect_minutes',
        '2026-11-02  2        7',
        '',
        'Call quality',
        'call_quality  records  share',
        'good          1        50.0%',
        'bad           1        50.0%',
        'other         0        0.0%',
        '',
        'Totals',
        'records  connect_minutes',
        '2        7',
        '',
      ].join('\n'),
    );
    nock(API_ORIGIN).get('/video/v2/cdr/conf/7').reply(200, cdrBody(records));
    const f = await runCli(['cdr', 'summary', '--conf', '7', '--fields', 'totals']);
    expect(f.stdout.startsWith('Totals\n')).toBe(true);
    expect(f.stdout).not.toContain('by room');
  });

  it('counts records without usage minutes (older ones) as 0, and says how many', async () => {
    // The v2 docs' older record: user.confName and user.token, no usage.connect_minutes.
    const older = cdrRecord({ user: { name: 'Old', ref: 'o', token: '', confName: '' } });
    const {
      connect_minutes: _m,
      connect_minutes_cal: _c,
      ...usage
    } = (older as { usage: Record<string, unknown> }).usage;
    const withoutMinutes = { ...older, usage };
    nock(API_ORIGIN)
      .get('/video/v2/cdr/conf/7')
      .reply(200, cdrBody([withoutMinutes, records[0]]));
    const r = await runCli(['cdr', 'summary', '--conf', '7', '-o', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const totals = (JSON.parse(r.stdout) as { totals: Record<string, number> }).totals;
    expect(totals['records']).toBe(2);
    expect(totals['records_without_minutes']).toBe(1);
    expect(r.stderr).toContain('1 of 2 records had no usage minutes');
    expect(r.stderr).toContain('counted as 0 connected minutes');
    nock(API_ORIGIN)
      .get('/video/v2/cdr/conf/7')
      .reply(200, cdrBody([withoutMinutes]));
    const table = await runCli(['cdr', 'summary', '--conf', '7', '--fields', 'totals']);
    expect(table.stdout).toContain('records_without_minutes');
  });

  it('counts every record whose minutes are missing or not a non-negative number', async () => {
    let n = 0;
    const withUsage = (usage: Record<string, unknown>) => {
      n += 1;
      const base = cdrRecord({ cdr_id: `cdr-${n}` });
      const {
        connect_minutes: _m,
        connect_minutes_cal: _c,
        ...rest
      } = (base as { usage: Record<string, unknown> }).usage;
      return { ...base, usage: { ...rest, ...usage } };
    };
    const body = [
      withUsage({ connect_minutes: 'abc' }),
      withUsage({ connect_minutes: -5 }),
      withUsage({ connect_minutes: '7' }),
      withUsage({ connect_minutes: 1230, connect_minutes_cal: 21 }),
    ];
    nock(API_ORIGIN).get('/video/v2/cdr/conf/7').reply(200, cdrBody(body));
    const r = await runCli(['cdr', 'summary', '--conf', '7', '-o', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const totals = (JSON.parse(r.stdout) as { totals: Record<string, number> }).totals;
    expect(totals).toEqual({ records: 4, connect_minutes: 22, records_without_minutes: 2 });
    expect(r.stderr).toContain('2 of 4 records had no usage minutes');
    expect(r.stderr).toContain('not a non-negative number');
  });

  it('says so when there are no records', async () => {
    nock(API_ORIGIN).get('/video/v2/cdr/conf/7').reply(200, cdrBody([]));
    const r = await runCli(['cdr', 'summary', '--conf', '7', '--fields', 'by_room,quality,totals']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'Connected minutes by room',
        '(no records)',
        '',
        'Call quality',
        'call_quality  records  share',
        'good          0',
        'bad           0',
        'other         0',
        '',
        'Totals',
        'records  connect_minutes',
        '0        0',
        '',
      ].join('\n'),
    );
  });

  it('takes the filter flags before or after `summary`, chunked like the export', async () => {
    nock(API_ORIGIN)
      .get('/video/v2/cdr/period/2026-11-01/2026-11-01')
      .reply(200, cdrBody([records[0]]));
    nock(API_ORIGIN)
      .get('/video/v2/cdr/period/2026-11-02/2026-11-02')
      .reply(200, cdrBody([records[0], records[1]]));
    const r = await runCli(['cdr', '--from', '2026-11-01', 'summary', '--to', '2026-11-02', '-o', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).totals).toEqual({
      records: 2,
      connect_minutes: 7,
      records_without_minutes: 0,
    });
    expect(r.stderr).toBe('1 duplicate record dropped.\n');
  });

  it.each([
    [['--conf', '7', '-o', 'csv'], /-o csv does not fit a summary/],
    [['--conf', '7', '-o', 'ndjson'], /-o ndjson does not fit a summary/],
    [['--conf', '7', '--out', 'x.json'], /--out is for the record export/],
    [['--conf', '7', '--fields', 'by_room,nope'], /--fields "nope" is not a summary section/],
    [['--from', 'today'], /--from needs --to/],
    [['--conf', '7', '--chunk-days', '3'], /--chunk-days needs --from and --to/],
    [[], /give a filter/],
  ])('%j exits 2 before any request', async (flags, message) => {
    const r = await runCli(['cdr', 'summary', ...flags]);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it("refuses the export's --out given before `summary` too, before any request", async () => {
    const r = await runCli(['cdr', '--out', 'x.json', 'summary', '--conf', '7']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out is for the record export/);
  });

  it('fails with the API error code when a chunk fails', async () => {
    nock(API_ORIGIN)
      .get('/video/v2/cdr/room/5f3b2c1a9d8e7f6a5b4c3d2f')
      .reply(200, { result: '10202', error: 'room_id missing' });
    const r = await runCli(['cdr', 'summary', '--room', '5f3b2c1a9d8e7f6a5b4c3d2f']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
  });
});
