import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { at, start, stopAll } from './helpers.js';

afterEach(stopAll);

interface Exchange {
  logged_at: string;
  method: string;
  path: string;
  request: Record<string, unknown>;
  response: Record<string, unknown>;
}

/** Every request/response pair of the interview sample's log (2018, real API), in log order. */
const LOG = JSON.parse(
  readFileSync(new URL('../fixtures/recorded/interview-app-log.json', import.meta.url), 'utf8'),
) as { exchanges: Exchange[]; counts: { rooms: number; tokens: number; errors: number } };
const ok = LOG.exchanges.filter((e) => e.response['result'] === 0);
const rooms = ok.filter((e) => e.path === '/v1/rooms/');
const tokens = ok.filter((e) => e.path.endsWith('/tokens'));
const failed = LOG.exchanges.filter((e) => e.response['result'] !== 0);

const decode = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as Record<string, unknown>;
/** Keys of an object and of its nested objects, as dotted paths, in order. */
const keysOf = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.entries(value).flatMap(([k, v]) => [`${prefix}${k}`, ...keysOf(v, `${prefix}${k}.`)])
    : [];

describe('the recorded real traffic, replayed against the emulator under /v1', () => {
  it('holds room, token and error exchanges', () => {
    const { counts } = LOG;
    expect([rooms.length, tokens.length, failed.length]).toEqual([
      counts.rooms,
      counts.tokens,
      counts.errors,
    ]);
    expect(LOG.exchanges).toHaveLength(counts.rooms + counts.tokens + counts.errors);
  });

  it.each(rooms.map((e) => [e.logged_at, e] as const))(
    'room body logged at %s: result 0 and the real echo, key for key',
    async (_at, e) => {
      const h = await start();
      const res = await h.raw('POST', e.path, {
        body: JSON.stringify(e.request),
        headers: { authorization: authOf(h), 'content-type': 'application/json' },
      });
      expect(res.status).toBe(200);
      expect(at(res.body, 'result')).toBe(0);
      const real = e.response['room'] as Record<string, unknown>;
      const got = at(res.body, 'room') as Record<string, unknown>;
      expect(keysOf(got)).toEqual(keysOf(real));
      expect(got['settings']).toEqual(real['settings']);
      expect(got['room_id']).toMatch(/^[0-9a-f]{24}$/);
    },
  );

  it.each(tokens.map((e) => [e.logged_at, e] as const))(
    'token body logged at %s (with its extra roomId): result 0 and a token shaped like the real one',
    async (_at, e) => {
      const h = await start();
      // The room as the log created it; a room created before the log began is rebuilt from the
      // real token's roomMeta (its name, owner_ref and settings as the API echoed them).
      const room = rooms.find((r) => e.path.includes(String(at(r.response, 'room.room_id'))));
      const meta = decode(String(e.response['token']))['roomMeta'] as Record<string, unknown>;
      const body = room?.request ?? {
        name: meta['name'],
        owner_ref: meta['owner_ref'],
        settings: meta['settings'],
      };
      const created = await h.raw('POST', '/v1/rooms/', {
        body: JSON.stringify(body),
        headers: { authorization: authOf(h), 'content-type': 'application/json' },
      });
      const id = String(at(created.body, 'room.room_id'));
      const res = await h.raw('POST', `/v1/rooms/${id}/tokens`, {
        body: JSON.stringify({ ...e.request, roomId: id }),
        headers: { authorization: authOf(h), 'content-type': 'application/json' },
      });
      expect(res.status).toBe(200);
      expect(at(res.body, 'result')).toBe(0);
      const real = decode(String(e.response['token']));
      const got = decode(String(at(res.body, 'token')));
      // Same keys in the same order, the room under roomMeta with its id as _id.
      expect(keysOf(got)).toEqual(keysOf(real));
      expect(at(got, 'roomMeta._id')).toBe(id);
      expect(at(got, 'roomMeta.settings')).toEqual(at(real, 'roomMeta.settings'));
      expect(String(at(got, 'logId'))).toHaveLength(String(at(real, 'logId')).length);
      expect(Buffer.from(String(at(got, 'signature')), 'base64').toString()).toMatch(/^[0-9a-f]{40}$/);
      expect(Buffer.from(String(at(real, 'signature')), 'base64').toString()).toMatch(/^[0-9a-f]{40}$/);
    },
  );

  it.each(failed.map((e) => [e.logged_at, e] as const))(
    'error logged at %s: fault injection reproduces the recorded 50001 answer to a valid body, on HTTP 200',
    async (_at, e) => {
      const h = await start({ faults: { failFirst: 1, failResult: '50001', match: 'POST /v1/rooms' } });
      const init = {
        body: JSON.stringify(e.request),
        headers: { authorization: authOf(h), 'content-type': 'application/json' },
      };
      const res = await h.raw('POST', '/v1/rooms/', init);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(e.response);
      expect(res.text).toBe(JSON.stringify(e.response));
      // The same body works the next time, as it did in the log.
      expect(at((await h.raw('POST', '/v1/rooms/', init)).body, 'result')).toBe(0);
    },
  );
});

function authOf(h: Awaited<ReturnType<typeof start>>): string {
  return 'Basic ' + Buffer.from(`${h.emu.appId}:${h.emu.appKey}`).toString('base64');
}
