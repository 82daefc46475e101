import { afterEach, describe, expect, it } from 'vitest';
import { at, list, start, stopAll } from './helpers.js';

afterEach(stopAll);

describe('live sessions', () => {
  it('show their people in GET /users and block PATCH (10030) and DELETE (50004)', async () => {
    const h = await start();
    const id = await h.room();
    const sim = await h.control('POST', `/rooms/${id}/simulate`, { users: 3, live: true, minutes: 20 });
    expect(at(sim.body, 'live')).toBe(true);
    const users = await h.api('GET', `/rooms/${id}/users`);
    expect(at(users.body, 'total')).toBe(3);
    expect(list(users.body, 'users').map((u) => at(u, 'role'))).toEqual([
      'moderator',
      'participant',
      'participant',
    ]);
    expect(at(users.body, 'users.0.permissions')).toEqual({
      publish: true,
      subscribe: true,
      record: true,
      stats: true,
      controlhandlers: true,
    });
    const patch = await h.api('PATCH', `/rooms/${id}`, { name: 'x' });
    expect([patch.status, at(patch.body, 'result')]).toEqual([409, '10030']);
    const del = await h.api('DELETE', `/rooms/${id}`);
    expect([del.status, at(del.body, 'result'), at(del.body, 'error')]).toEqual([
      409,
      '50004',
      '[Reason] Room has an active session',
    ]);
  });

  it('end now through the control route, writing one CDR record per user and an archive entry', async () => {
    const h = await start();
    const id = await h.room();
    await h.control('POST', `/rooms/${id}/simulate`, { users: 2, live: true });
    h.clock.advance(5);
    const ended = await h.control('POST', `/rooms/${id}/end`);
    expect(at(ended.body, 'ends_at')).toBe('2026-11-29T12:05:00.000Z');
    expect(at((await h.api('GET', `/rooms/${id}/users`)).body, 'users')).toBeNull();
    const cdr = await h.api('GET', `/cdr/conf/${String(at(ended.body, 'conf_num'))}`);
    expect(list(cdr.body, 'cdr')).toHaveLength(2);
    expect(list((await h.api('GET', `/archive/room/${id}`)).body, 'archive')).toHaveLength(1);
    expect((await h.api('DELETE', `/rooms/${id}`)).status).toBe(200);
  });

  it('end by themselves when the emulator clock passes their minutes', async () => {
    const h = await start();
    const id = await h.room();
    await h.control('POST', `/rooms/${id}/simulate`, { users: 2, live: true, minutes: 10 });
    h.clock.advance(9);
    expect(at((await h.api('GET', `/rooms/${id}/users`)).body, 'total')).toBe(2);
    h.clock.advance(2);
    expect(at((await h.api('GET', `/rooms/${id}/users`)).body, 'total')).toBe(0);
    const cdr = await h.api('GET', `/cdr/room/${id}`);
    expect(at(cdr.body, 'cdr.0.room.disconnect_dt')).toMatch(/^2026-11-29T12:(09|10):/);
  });

  it('a token join starts a session; more joins add to it', async () => {
    const h = await start();
    const id = await h.room();
    for (const [name, role] of [
      ['Mod', 'moderator'],
      ['Par', 'participant'],
    ]) {
      const t = at(
        (await h.api('POST', `/rooms/${id}/tokens`, { name, role, user_ref: name })).body,
        'token',
      );
      const joined = await h.control('POST', '/join', { token: t });
      expect(at(joined.body, 'user.role')).toBe(role);
    }
    expect(list((await h.api('GET', `/rooms/${id}/users`)).body, 'users').map((u) => at(u, 'name'))).toEqual([
      'Mod',
      'Par',
    ]);
  });
});

describe('finished sessions', () => {
  it('are refused while a live session runs in the room (they would overlap it), and nothing is recorded', async () => {
    const h = await start();
    const id = await h.room();
    await h.control('POST', `/rooms/${id}/simulate`, { users: 2, live: true, minutes: 30 });
    const sim = await h.control('POST', `/rooms/${id}/simulate`, { users: 2, minutes: 10 });
    expect(sim.status).toBe(409);
    expect(at(sim.body, 'error')).toMatch(/session in progress .*would overlap it.*emulator end/);
    expect(at((await h.control('GET', '/status')).body, 'cdr')).toBe(0);
    await h.control('POST', `/rooms/${id}/end`);
    expect((await h.control('POST', `/rooms/${id}/simulate`, { users: 2, minutes: 10 })).status).toBe(200);
  });

  it('simulate records N users over M minutes ending now', async () => {
    const h = await start();
    const id = await h.room();
    const sim = await h.control('POST', `/rooms/${id}/simulate`, { users: 4, minutes: 30 });
    expect(at(sim.body, 'started_at')).toBe('2026-11-29T11:30:00.000Z');
    expect(at(sim.body, 'conf_num')).toMatch(/^1\d{7}$/);
    const cdr = await h.api('GET', `/cdr/period/2026-11-29/2026-11-29`);
    expect(list(cdr.body, 'cdr')).toHaveLength(4);
    expect(list(cdr.body, 'cdr').every((r) => at(r, 'trans_date') === at(r, 'room.disconnect_dt'))).toBe(
      true,
    );
    expect(list((await h.api('GET', `/cdr/period/2026-11-30/2026-12-01`)).body, 'cdr')).toHaveLength(0);
  });

  it('give unique conf numbers, usable as archive and CDR filters', async () => {
    const h = await start();
    const id = await h.room();
    const a = at((await h.control('POST', `/rooms/${id}/simulate`, {})).body, 'conf_num');
    const b = at((await h.control('POST', `/rooms/${id}/simulate`, {})).body, 'conf_num');
    expect(a).not.toBe(b);
    expect(list((await h.api('GET', `/archive/conf/${String(b)}`)).body, 'archive')).toHaveLength(1);
    expect(
      list((await h.api('GET', `/archive/room-period/${id}/2026-11-29/2026-11-29`)).body, 'archive'),
    ).toHaveLength(2);
  });

  it('control errors: unknown room 40001, no live session 10113, bad input 10008', async () => {
    const h = await start();
    const id = await h.room();
    expect(at((await h.control('POST', '/rooms/0123456789abcdef01234567/simulate', {})).body, 'result')).toBe(
      '40001',
    );
    expect(at((await h.control('POST', `/rooms/${id}/end`)).body, 'result')).toBe('10113');
    expect(at((await h.control('POST', `/rooms/${id}/simulate`, { users: 0 })).body, 'result')).toBe('10008');
  });
});

describe('the emulator clock', () => {
  it('moves forward with POST /_emulator/clock/advance and shows in status', async () => {
    const h = await start();
    const res = await h.control('POST', '/clock/advance', { minutes: 90 });
    expect(at(res.body, 'now')).toBe('2026-11-29T13:30:00.000Z');
    const id = await h.room();
    expect(at((await h.api('GET', `/rooms/${id}`)).body, 'room.created')).toBe('2026-11-29T13:30:00.000Z');
    expect(at((await h.control('GET', '/status')).body, 'clock_offset_ms')).toBe(5_400_000);
  });

  it('POST /_emulator/reset empties the state', async () => {
    const h = await start();
    await h.room();
    await h.control('POST', '/reset', {});
    expect(at((await h.api('GET', '/rooms')).body, 'rooms')).toEqual([]);
  });
});
