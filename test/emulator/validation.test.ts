import { afterEach, describe, expect, it } from 'vitest';
import { AUTH, at, start, stopAll } from './helpers.js';

afterEach(stopAll);

const base = { name: 'Room', owner_ref: 'me' };
const future = '2026-11-30 10:00:00';
const scheduled = (settings: Record<string, unknown>) => ({
  ...base,
  settings: { scheduled: true, scheduled_time: future, duration: 30, ...settings },
});

/** [what, body, result code] for POST /rooms; every one is refused with HTTP 400. */
const CREATE_CASES: [string, unknown, string][] = [
  ['name missing', { owner_ref: 'me' }, '10002'],
  ['name empty', { name: '  ', owner_ref: 'me' }, '10002'],
  ['owner_ref missing', { name: 'Room' }, '10010'],
  ['scheduled_time missing', { ...base, settings: { scheduled: true, duration: 30 } }, '10004'],
  ['scheduled_time badly formatted', scheduled({ scheduled_time: '2026-11-30T10:00:00Z' }), '10005'],
  ['scheduled_time unreadable', scheduled({ scheduled_time: '2026-02-30 10:00:00' }), '10006'],
  ['scheduled_time in the past', scheduled({ scheduled_time: '2026-11-29 11:59:59' }), '10006'],
  ['participants zero', { ...base, settings: { participants: 0 } }, '10007'],
  ['participants not a number', { ...base, settings: { participants: 'ten' } }, '10007'],
  ['participants above 200 (permanent)', { ...base, settings: { participants: '201' } }, '10007'],
  [
    'participants above 1600 streams (permanent, 8 talkers)',
    { ...base, settings: { participants: '201', max_active_talkers: 8 } },
    '10007',
  ],
  ['participants above 300 (scheduled)', scheduled({ participants: 301 }), '10007'],
  [
    'participants above 1000 (scheduled lecture)',
    scheduled({ mode: 'lecture', participants: 1001 }),
    '10007',
  ],
  ['duration under 10', { ...base, settings: { duration: 9 } }, '10011'],
  [
    'duration missing (scheduled)',
    { ...base, settings: { scheduled: true, scheduled_time: future } },
    '10011',
  ],
  ['duration not whole', { ...base, settings: { duration: 12.5 } }, '10011'],
  ['quality unknown', { ...base, settings: { quality: 'UHD' } }, '10014'],
  ['unknown settings key', { ...base, settings: { colour: 'blue' } }, '10009'],
  ['sip inside settings', { ...base, settings: { sip: { enabled: true } } }, '10009'],
  ['unknown top-level key', { ...base, colour: 'blue' }, '10009'],
  [
    'unknown role_based_recording key',
    { ...base, settings: { role_based_recording: { viewer: 'audio' } } },
    '10009',
  ],
  ['mode unknown', { ...base, settings: { mode: 'panel' } }, '10019'],
  ['max_active_talkers out of range', { ...base, settings: { max_active_talkers: 17 } }, '10012'],
  ['scheduled and adhoc together', scheduled({ adhoc: true }), '10017'],
  // One code per setting, from the vendor's result-code table.
  ['scheduled not a boolean', { ...base, settings: { scheduled: 'soon' } }, '10003'],
  ['auto_recording not a boolean', { ...base, settings: { auto_recording: 'yes' } }, '10008'],
  ['active_talker out of range', { ...base, settings: { active_talker: 40 } }, '10012'],
  ['active_talker not a boolean or count', { ...base, settings: { active_talker: 'many' } }, '10012'],
  ['wait_moderator not a boolean', { ...base, settings: { wait_moderator: 'maybe' } }, '10013'],
  ['wait_for_moderator not a boolean', { ...base, settings: { wait_for_moderator: 2 } }, '10013'],
  ['adhoc not a boolean', { ...base, settings: { adhoc: 'no' } }, '10016'],
  ['moderators not a count', { ...base, settings: { moderators: 'two' } }, '10022'],
  ['knock not a boolean', { ...base, settings: { knock: 'please' } }, '10025'],
  ['body not an object', [1, 2], '10001'],
];

describe('POST /rooms validation', () => {
  it.each(CREATE_CASES)('%s -> %s', async (_what, body, code) => {
    const h = await start();
    const res = await h.api('POST', '/rooms', body);
    expect(res.status).toBe(400);
    expect(at(res.body, 'result')).toBe(code);
    expect(String(at(res.body, 'error'))).toMatch(/^\[Reason\] /);
    expect(at(res.body, 'desc')).toBe('');
  });

  it('answers 10001 for a body that is not JSON', async () => {
    const h = await start();
    const res = await h.raw('POST', '/video/v2/rooms', {
      body: '{"name": ',
      headers: { authorization: AUTH, 'content-type': 'application/json' },
    });
    expect([res.status, at(res.body, 'result')]).toEqual([400, '10001']);
  });

  it.each([
    ['numbers', { moderators: 2, participants: 10, duration: 30, audiences: 5 }],
    ['strings', { moderators: '2', participants: '10', duration: '30', audiences: '5' }],
  ])('accepts counts as %s and echoes strings', async (_kind, settings) => {
    const h = await start();
    const res = await h.api('POST', '/rooms', { ...base, settings });
    expect(at(res.body, 'room.settings')).toMatchObject({
      moderators: '2',
      participants: '10',
      duration: '30',
      audiences: '5',
    });
  });

  it('accepts the limits themselves and the legacy setting names', async () => {
    const h = await start();
    for (const body of [
      { ...base, settings: { participants: 200, active_talker: 4, wait_moderator: true } },
      // Legacy names with boolean or number values, as the vendor's samples send them.
      { ...base, settings: { active_talker: true, wait_moderator: false } },
      { ...base, settings: { active_talker: '6', wait_moderator: 1 } },
      // An unscheduled room with an empty scheduled_time (the Node samples) and a numeric owner_ref (PHP).
      { name: 'Room', owner_ref: 654321, settings: { scheduled: false, scheduled_time: '' } },
      scheduled({ participants: 300 }),
      scheduled({ mode: 'lecture', participants: 1000 }),
      // About 1600 streams: fewer active talkers allow more participants, as the CLI allows.
      { ...base, settings: { participants: '400', max_active_talkers: 4 } },
      { ...base, settings: { participants: 1000, max_active_talkers: 1 } },
    ]) {
      expect((await h.api('POST', '/rooms', body)).status).toBe(200);
    }
  });
});

describe('PATCH /rooms/{id} validation', () => {
  it.each([
    ['mode', { settings: { mode: 'lecture' } }, '10106'],
    ['scheduled', { settings: { scheduled: true } }, '10106'],
    ['adhoc', { settings: { adhoc: false } }, '10106'],
    ['an unknown key', { settings: { colour: 'red' } }, '10009'],
    ['an empty name', { name: '' }, '10002'],
    ['too many participants', { settings: { participants: 500 } }, '10007'],
    ['a bad quality', { settings: { quality: 'hd' } }, '10014'],
  ])('refuses %s', async (_what, body, code) => {
    const h = await start();
    const id = await h.room();
    const res = await h.api('PATCH', `/rooms/${id}`, body);
    expect([res.status, at(res.body, 'result')]).toEqual([400, code]);
  });

  it('404/40001 for an unknown room on every room route', async () => {
    const h = await start();
    const ghost = '0123456789abcdef01234567';
    for (const [method, path, body] of [
      ['GET', `/rooms/${ghost}`, undefined],
      ['PATCH', `/rooms/${ghost}`, { name: 'x' }],
      ['DELETE', `/rooms/${ghost}`, undefined],
      ['POST', `/rooms/${ghost}/tokens`, { name: 'a', role: 'participant', user_ref: 'b' }],
      ['GET', `/rooms/${ghost}/users`, undefined],
      ['GET', '/rooms/not-an-id', undefined],
    ] as const) {
      const res = await h.api(method, path, body);
      expect([res.status, at(res.body, 'result')]).toEqual([404, '40001']);
    }
  });
});

describe('archive and CDR path parameters', () => {
  it.each([
    ['/cdr/conf/', '10201'],
    ['/cdr/room/', '10202'],
    ['/cdr/period/2024-13-01/2024-12-31', '10203'],
    ['/cdr/period/2024-01-01', '10204'],
    ['/cdr/period/2024-02-01/2024-01-01', '10205'],
    ['/archive/room-period/abc/2024-01-01/nope', '10204'],
  ])('%s -> %s', async (path, code) => {
    const h = await start();
    const res = await h.api('GET', path);
    expect([res.status, at(res.body, 'result')]).toEqual([400, code]);
  });

  it('does not serve the route page slip /room/{id}/{from}/{to}', async () => {
    const h = await start();
    expect((await h.api('GET', '/cdr/room/abc/2024-01-01/2024-01-02')).status).toBe(404);
  });
});
