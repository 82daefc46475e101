import { afterEach, describe, expect, it } from 'vitest';
import { at, start, stopAll, type Harness } from './helpers.js';

afterEach(stopAll);

const person = { name: 'Ann', role: 'participant', user_ref: 'u1' };

async function token(h: Harness, roomId: string, body: unknown = person) {
  return h.api('POST', `/rooms/${roomId}/tokens`, body);
}

async function tokenString(h: Harness, roomId: string, body: unknown = person): Promise<string> {
  const res = await token(h, roomId, body);
  if (res.status !== 200) throw new Error(res.text);
  return at(res.body, 'token') as string;
}

describe('token requests', () => {
  it.each([
    ['name missing', { role: 'participant', user_ref: 'u' }, '10101'],
    ['user_ref missing', { name: 'Ann', role: 'participant' }, '10102'],
    ['role missing', { name: 'Ann', user_ref: 'u' }, '10103'],
    ['role unknown', { name: 'Ann', user_ref: 'u', role: 'host' }, '10104'],
    ['audience in a room without audiences', { name: 'Ann', user_ref: 'u', role: 'audience' }, '10104'],
    ['data with 6 keys', { ...person, data: { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 } }, '10107'],
  ])('%s -> %s', async (_what, body, code) => {
    const h = await start();
    const res = await token(h, await h.room(), body);
    expect([res.status, at(res.body, 'result')]).toEqual([400, code]);
  });

  it("ignores keys beyond the documented four, as the real API did with the samples' roomId", async () => {
    const h = await start();
    const id = await h.room();
    const res = await token(h, id, { ...person, roomId: id, colour: 'red' });
    expect([res.status, at(res.body, 'result')]).toEqual([200, 0]);
  });

  it('gives audience tokens in an HLS room (audiences set)', async () => {
    const h = await start();
    const id = await h.room({ name: 'HLS', owner_ref: 'me', settings: { audiences: 50 } });
    expect((await token(h, id, { ...person, role: 'audience' })).status).toBe(200);
  });

  it('is single-use: a second join is refused with 40002', async () => {
    const h = await start();
    const t = await tokenString(h, await h.room());
    expect((await h.control('POST', '/join', { token: t })).status).toBe(200);
    const again = await h.control('POST', '/join', { token: t });
    expect([again.status, at(again.body, 'result')]).toEqual([409, '40002']);
    expect(String(at(again.body, 'error'))).toMatch(/already used/);
  });

  it('is valid for 15 minutes on the emulator clock', async () => {
    const h = await start();
    const id = await h.room();
    const early = await tokenString(h, id);
    const late = await tokenString(h, id);
    h.clock.advance(15);
    expect((await h.control('POST', '/join', { token: early })).status).toBe(200);
    h.clock.advance(0.1);
    const expired = await h.control('POST', '/join', { token: late });
    expect([expired.status, at(expired.body, 'result')]).toEqual([409, '40002']);
    expect(String(at(expired.body, 'error'))).toMatch(/expired/);
  });

  it('refuses a token that is not one of ours', async () => {
    const h = await start();
    const res = await h.control('POST', '/join', {
      token: Buffer.from('{"tokenId":"nope"}').toString('base64'),
    });
    expect(at(res.body, 'result')).toBe('40002');
  });

  it('says 10114 when the room is full', async () => {
    const h = await start();
    const id = await h.room({ name: 'Small', owner_ref: 'me', settings: { moderators: 0, participants: 2 } });
    await h.control('POST', '/join', { token: await tokenString(h, id) });
    const second = await tokenString(h, id);
    await h.control('POST', '/join', { token: second });
    const res = await token(h, id);
    expect([res.status, at(res.body, 'result')]).toEqual([409, '10114']);
  });
});

describe('scheduled room window', () => {
  // The clock starts at 2026-11-29 12:00:00 UTC; the room starts at 13:00 for 30 minutes.
  const room = {
    name: 'Webinar',
    owner_ref: 'me',
    settings: { scheduled: true, scheduled_time: '2026-11-29 13:00:00', duration: '30' },
  };

  it('gives tokens from 15 minutes before the start until the end (10112 before, 10111 after)', async () => {
    const h = await start();
    const id = await h.room(room);
    const tooEarly = await token(h, id);
    expect([tooEarly.status, at(tooEarly.body, 'result')]).toEqual([409, '10112']);
    h.clock.advance(44);
    expect(at((await token(h, id)).body, 'result')).toBe('10112');
    h.clock.advance(1);
    expect((await token(h, id)).status).toBe(200);
    h.clock.advance(45);
    expect((await token(h, id)).status).toBe(200);
    h.clock.advance(0.1);
    const over = await token(h, id);
    expect([over.status, at(over.body, 'result')]).toEqual([409, '10111']);
  });

  it('keeps giving tokens after the end while people are still in the session', async () => {
    const h = await start();
    const id = await h.room(room);
    h.clock.advance(60);
    await h.control('POST', `/rooms/${id}/simulate`, { users: 2, live: true, minutes: 60 });
    h.clock.advance(40);
    expect((await token(h, id)).status).toBe(200);
  });
});

describe('adhoc rooms', () => {
  it('are deleted after their first session', async () => {
    const h = await start();
    const id = await h.room({ name: 'Once', owner_ref: 'me', settings: { adhoc: true } });
    await h.control('POST', '/join', { token: await tokenString(h, id) });
    const ended = await h.control('POST', `/rooms/${id}/end`);
    expect(at(ended.body, 'room_deleted')).toBe(true);
    expect(at((await h.api('GET', `/rooms/${id}`)).body, 'result')).toBe('40001');
    expect(at((await h.api('GET', `/cdr/room/${id}`)).body, 'cdr.0.room.room_id')).toBe(id);
  });

  it('drop a duration, as the real API did (recorded 2018), so they too go after their first session', async () => {
    const h = await start();
    const created = await h.api('POST', '/rooms', {
      name: 'Bridge',
      owner_ref: 'me',
      settings: { adhoc: true, duration: 30 },
    });
    const id = at(created.body, 'room.room_id') as string;
    expect(at(created.body, 'room.settings.duration')).toBeUndefined();
    await h.control('POST', `/rooms/${id}/simulate`, { users: 2, live: true, minutes: 10 });
    await h.control('POST', `/rooms/${id}/end`);
    expect((await h.api('GET', `/rooms/${id}`)).status).toBe(404);
  });
});
