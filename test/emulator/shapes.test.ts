import { afterEach, describe, expect, it } from 'vitest';
import { DEV_CREDENTIALS } from '../../src/emulator/index.js';
import { at, list, shapeDiff, start, stopAll } from './helpers.js';
import {
  ARCHIVE_RESPONSE,
  CDR_RESPONSE,
  DIALIN_RESPONSE,
  RESULT_ONLY,
  ROOM_REQUEST,
  ROOM_RESPONSE,
  ROOMS_RESPONSE,
  TOKEN_RESPONSE,
  USERS_RESPONSE,
} from './samples.js';

afterEach(stopAll);

describe('every route answers in the shape of the route page samples', () => {
  it('POST /rooms and GET /rooms/{id}: number 0, counts as strings, 24-hex id, ISO created', async () => {
    const h = await start();
    const created = await h.api('POST', '/rooms', ROOM_REQUEST);
    expect(created.status).toBe(200);
    expect(shapeDiff(created.body, ROOM_RESPONSE)).toEqual([]);
    expect(at(created.body, 'result')).toBe(0);
    expect(at(created.body, 'room.settings.duration')).toBe('50');
    expect(at(created.body, 'room.settings.participants')).toBe('10');
    const id = at(created.body, 'room.room_id') as string;
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(at(created.body, 'room.created')).toBe('2026-11-29T12:00:00.000Z');
    const got = await h.api('GET', `/rooms/${id}`);
    expect(shapeDiff(got.body, ROOM_RESPONSE)).toEqual([]);
    expect(at(got.body, 'room')).toEqual(at(created.body, 'room'));
  });

  it('GET /rooms lists every room', async () => {
    const h = await start();
    const { role_based_recording: _r, live_recording: _l, ...settings } = ROOM_REQUEST.settings;
    await h.room({
      ...ROOM_REQUEST,
      settings: { ...settings, max_active_talkers: 6 },
      sip: { enabled: false },
    });
    const res = await h.api('GET', '/rooms');
    // The route page's sample shows "sip": {"enabled": false}; the real API kept no disabled sip in
    // its echo nor in its tokens' roomMeta (recorded 2018), and recorded traffic wins.
    const [sample] = ROOMS_RESPONSE.rooms;
    const { sip: _sip, ...withoutSip } = sample ?? { sip: undefined };
    expect(shapeDiff(res.body, { ...ROOMS_RESPONSE, rooms: [withoutSip] })).toEqual([]);
    expect(list(res.body, 'rooms')).toHaveLength(1);
  });

  it('PATCH and DELETE answer {"result": 0}', async () => {
    const h = await start();
    const id = await h.room();
    const patched = await h.api('PATCH', `/rooms/${id}`, {
      name: 'Renamed',
      settings: { participants: '15', auto_recording: true },
    });
    expect(patched.body).toEqual(RESULT_ONLY);
    expect(at((await h.api('GET', `/rooms/${id}`)).body, 'room.settings.participants')).toBe('15');
    expect((await h.api('DELETE', `/rooms/${id}`)).body).toEqual(RESULT_ONLY);
  });

  it('POST /rooms/{id}/tokens: base64 JSON with the recorded real token keys; no dots', async () => {
    const h = await start();
    const id = await h.room();
    const res = await h.api('POST', `/rooms/${id}/tokens`, {
      name: 'User Name',
      role: 'participant',
      user_ref: 'XXX',
      data: { custom_key: 'String' },
    });
    expect(shapeDiff(res.body, TOKEN_RESPONSE)).toEqual([]);
    const token = at(res.body, 'token') as string;
    expect(token).not.toContain('.');
    const payload: unknown = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    expect(Object.keys(payload as object)).toEqual([
      'tokenId',
      'roomMeta',
      'host',
      'secure',
      'logId',
      'gateway',
      'signature',
    ]);
    expect(at(payload, 'tokenId')).toMatch(/^[0-9a-f]{24}$/);
    expect(at(payload, 'roomMeta._id')).toBe(id);
    expect(at(payload, 'roomMeta.room_id')).toBeUndefined();
    expect(at(payload, 'secure')).toBe(true);
    expect(at(payload, 'logId')).toMatch(/^[A-Za-z0-9]{6}$/);
    expect(at(payload, 'gateway')).toBe('');
    expect(Buffer.from(at(payload, 'signature') as string, 'base64').toString()).toMatch(/^[0-9a-f]{40}$/);
  });

  it('GET /rooms/{id}/users: the sample shape during a session, a null list without one', async () => {
    const h = await start();
    const id = await h.room();
    expect((await h.api('GET', `/rooms/${id}/users`)).body).toEqual({ result: 0, total: 0, users: null });
    await h.control('POST', `/rooms/${id}/simulate`, { users: 2, live: true });
    const res = await h.api('GET', `/rooms/${id}/users`);
    expect(shapeDiff(res.body, USERS_RESPONSE)).toEqual([]);
    expect(at(res.body, 'total')).toBe(2);
  });

  it('archive and CDR: string "0", every key of the samples, URLs on this server', async () => {
    const h = await start();
    const id = await h.room();
    await h.control('POST', `/rooms/${id}/simulate`, { users: 3, minutes: 12 });
    const archive = await h.api('GET', `/archive/room/${id}`);
    expect(shapeDiff(archive.body, ARCHIVE_RESPONSE)).toEqual([]);
    expect(at(archive.body, 'result')).toBe('0');
    expect(list(archive.body, 'archive.0.recording')).toHaveLength(3);
    expect(String(at(archive.body, 'archive.0.chatdata'))).toMatch(new RegExp(`^${h.emu.origin}/_files/`));
    const cdr = await h.api('GET', `/cdr/room/${id}`);
    expect(shapeDiff(cdr.body, CDR_RESPONSE)).toEqual([]);
    expect(list(cdr.body, 'cdr')).toHaveLength(3);
    expect(at(cdr.body, 'cdr.0.room.room_details.room_id')).toBe(id);
    expect(at(cdr.body, 'cdr.0.room.duration')).toBeGreaterThan(600);
    expect(at(cdr.body, 'cdr.0.usage.connect_minutes_cal')).toBeLessThanOrEqual(12);
  });

  it('GET /dialin/ (and without the slash): no result key, echoes the app key and a SIP password', async () => {
    const h = await start();
    for (const path of ['/dialin/', '/dialin']) {
      const res = await h.api('GET', path);
      expect(res.status).toBe(200);
      expect(shapeDiff(res.body, DIALIN_RESPONSE)).toEqual([]);
      expect(res.body).not.toHaveProperty('result');
      expect(at(res.body, 'app_key')).toBe(DEV_CREDENTIALS.appKey);
    }
  });

  it('is also served under /v1, as the vendor samples call it', async () => {
    const h = await start();
    const res = await h.raw('GET', '/v1/rooms', {
      headers: {
        authorization: `Basic ${Buffer.from(`${DEV_CREDENTIALS.appId}:${DEV_CREDENTIALS.appKey}`).toString('base64')}`,
      },
    });
    expect(res.body).toEqual({ result: 0, rooms: [] });
  });
});
