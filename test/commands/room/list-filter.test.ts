import { describe, expect, it } from 'vitest';
import type { Room } from '../../../src/api/rooms.js';
import { applyListQuery, listQuery } from '../../../src/commands/room/list-filter.js';

type ListQuery = Parameters<typeof applyListQuery>[1];

const now = new Date('2026-11-29T12:00:00Z');
const room = (id: string, extra: Partial<Room> = {}): Room => ({ room_id: id, ...extra });
const ROOMS: Room[] = [
  room('perm', { name: 'Standup', created: '2026-11-20T09:00:00.000Z', settings: { mode: 'group' } }),
  room('lect', {
    name: 'alpha lecture',
    created: '2026-11-28T09:00:00.000Z',
    settings: { mode: 'lecture', scheduled: true, scheduled_time: '2026-12-03 10:00:00' },
  }),
  room('sched', {
    name: 'Budget',
    created: '2026-11-25T09:00:00.000Z',
    settings: { scheduled: 'true', scheduled_time: '2026-12-01 10:00:00' },
  }),
  room('adhoc', { name: 'Zed', settings: { adhoc: true } }),
];
const ids = (q: ListQuery) => applyListQuery(ROOMS, q).map((r) => r.room_id);

describe('room list: filters, order, limit', () => {
  it.each<[string, ListQuery, string[]]>([
    ['no query keeps the API order', {}, ['perm', 'lect', 'sched', 'adhoc']],
    ['--mode group (a room without a mode is a group room)', { mode: 'group' }, ['perm', 'sched', 'adhoc']],
    ['--mode lecture', { mode: 'lecture' }, ['lect']],
    ['--type scheduled (also "true" as a string)', { type: 'scheduled' }, ['lect', 'sched']],
    ['--type adhoc', { type: 'adhoc' }, ['adhoc']],
    ['--type permanent', { type: 'permanent' }, ['perm']],
    [
      '--created-since (a room without created does not match)',
      { createdSince: new Date('2026-11-25T00:00:00Z') },
      ['lect', 'sched'],
    ],
    ['--sort-by name, any case', { sortBy: 'name' }, ['lect', 'sched', 'perm', 'adhoc']],
    ['--sort-by created, missing last', { sortBy: 'created' }, ['perm', 'sched', 'lect', 'adhoc']],
    [
      '--sort-by scheduled_time, missing last',
      { sortBy: 'scheduled_time' },
      ['sched', 'lect', 'perm', 'adhoc'],
    ],
    ['--limit after filter and order', { type: 'scheduled', sortBy: 'scheduled_time', limit: 1 }, ['sched']],
    ['--limit larger than the list', { limit: 10 }, ['perm', 'lect', 'sched', 'adhoc']],
  ])('%s', (_name, q, expected) => {
    expect(ids(q)).toEqual(expected);
  });
});

describe('room list: flags are checked before any request', () => {
  it.each<[string, string, string]>([
    ['limit', '3', '3'],
    ['createdSince', '2026-11-25', '2026-11-25T00:00:00.000Z'],
    ['createdSince', '7d', '2026-11-22T00:00:00.000Z'],
    ['createdSince', 'today', '2026-11-29T00:00:00.000Z'],
    ['createdSince', '2026-11-29 10:00', '2026-11-29T10:00:00.000Z'],
    ['createdSince', '2026-11-29T10:00:00+02:00', '2026-11-29T08:00:00.000Z'],
  ])('--%s %s', (key, raw, expected) => {
    const q = listQuery({ [key]: raw }, now);
    const got = key === 'limit' ? String(q.limit) : q.createdSince?.toISOString();
    expect(got).toBe(expected);
  });

  it.each<[string, string, RegExp]>([
    ['limit', '0', /^--limit must be a whole number from 1 to/],
    ['limit', '-3', /^--limit must be a whole number/],
    ['limit', '2.5', /^--limit must be a whole number/],
    ['createdSince', 'last week', /^--created-since "last week" is not a date: use YYYY-MM-DD/],
    ['createdSince', '2026-02-30', /^--created-since "2026-02-30" is not a real day/],
    ['createdSince', '2026-11-29T10:00', /^--created-since: an ISO time needs Z or an offset/],
    [
      'createdSince',
      '2026-12-01',
      /^--created-since 2026-12-01 00:00:00 UTC is in the future .*no room can match/,
    ],
  ])('refuses --%s %s', (key, raw, message) => {
    expect(() => listQuery({ [key]: raw }, now)).toThrow(message);
  });
});
