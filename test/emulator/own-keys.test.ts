import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyState, reviveState } from '../../src/emulator/state.js';
import { AUTH, REC_AUTH, at, list, start, stopAll, tempDir } from './helpers.js';

const dirs: (() => void)[] = [];
afterEach(async () => {
  await stopAll();
  for (const cleanup of dirs.splice(0)) cleanup();
});

/** Names every plain object inherits: none of them may pass for a room, token or session. */
const INHERITED = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

/** [method, path under the API or control prefix, body] of every route that takes a room id. */
const ROUTES: ['api' | 'control', string, string, unknown][] = [
  ['api', 'GET', '/rooms/{id}', undefined],
  ['api', 'PATCH', '/rooms/{id}', { name: 'Renamed' }],
  ['api', 'DELETE', '/rooms/{id}', undefined],
  ['api', 'POST', '/rooms/{id}/tokens', { name: 'Ann', role: 'participant', user_ref: 'a' }],
  ['api', 'GET', '/rooms/{id}/users', undefined],
  ['control', 'POST', '/rooms/{id}/simulate', { users: 2 }],
  ['control', 'POST', '/rooms/{id}/simulate', { users: 2, live: true }],
  ['control', 'POST', '/rooms/{id}/end', undefined],
];

const CASES = INHERITED.flatMap((id) =>
  ROUTES.map(([area, method, path, body]) => ({ id, area, method, path, body })),
);

/** Properties Object.prototype gains from a polluting write (none may appear). */
function pollution(): string[] {
  const probe: Record<string, unknown> = {};
  return ['room', 'sessions', 'roomId', 'users', 'usedAt', 'name'].filter((k) => probe[k] !== undefined);
}

/** A token string as the emulator encodes them, carrying any tokenId. */
const forged = (tokenId: string) => Buffer.from(JSON.stringify({ tokenId })).toString('base64');

describe('ids that name inherited object properties', () => {
  it.each(CASES)('$area $method $path with id $id -> 404 40001', async ({ id, area, method, path, body }) => {
    const h = await start();
    const real = await h.room();
    const url = path.replace('{id}', encodeURIComponent(id));
    const res = area === 'api' ? await h.api(method, url, body) : await h.control(method, url, body);
    expect([res.status, at(res.body, 'result')]).toEqual([404, '40001']);
    expect(pollution()).toEqual([]);
    const rooms = list((await h.api('GET', '/rooms')).body, 'rooms');
    expect(rooms.map((r) => at(r, 'room_id'))).toEqual([real]);
    expect(at((await h.control('GET', '/status')).body, 'rooms')).toBe(1);
  });

  it.each(INHERITED)('a token naming %s is refused with 40002 and changes nothing', async (tokenId) => {
    const { dir, cleanup } = tempDir();
    dirs.push(cleanup);
    const h = await start({ statePath: `${dir}/state.json` });
    const res = await h.control('POST', '/join', { token: forged(tokenId) });
    expect([res.status, at(res.body, 'result')]).toEqual([409, '40002']);
    expect(pollution()).toEqual([]);
    expect(at((await h.control('GET', '/status')).body, 'live_sessions')).toEqual([]);
  });
});

describe('state maps', () => {
  const MAPS = ['rooms', 'tokens', 'sessions'] as const;

  it('have no prototype when new or revived from a file', () => {
    const revived = reviveState(JSON.parse('{"version": 1, "rooms": {"__proto__": {"x": 1}}}'), 'f');
    for (const state of [emptyState(), revived]) {
      for (const key of MAPS) expect(Object.getPrototypeOf(state[key])).toBeNull();
    }
    // A key spelled __proto__ in the file stays plain data and never becomes a prototype.
    expect(Object.keys(revived.rooms)).toEqual(['__proto__']);
    expect(pollution()).toEqual([]);
  });

  it.each([
    ['rooms', '[]'],
    ['tokens', 'null'],
    ['sessions', '"x"'],
    ['archive', '{}'],
    ['cdr', '3'],
  ])('refuses a state file whose %s is %s', (key, value) => {
    expect(() => reviveState(JSON.parse(`{"version": 1, "${key}": ${value}}`), 'state.json')).toThrow(
      `state.json: "${key}" is not`,
    );
  });
});

describe('other keys that come from outside', () => {
  it.each(INHERITED)('a file named *.%s is served as application/octet-stream', async (ext) => {
    const { dir, cleanup } = tempDir();
    dirs.push(cleanup);
    const statePath = `${dir}/state.json`;
    const path = `/_files/100000001/100000001-1.${ext}`;
    const entry = {
      _id: 'a'.repeat(24),
      trans_date: '2026-11-01T10:00:00.000Z',
      conf_num: '100000001',
      app_id: 'app',
      room_id: 'b'.repeat(24),
      recording: [path],
      transcoded: [],
      chatdata: '/_files/100000001/chatdata.json',
      metadata: '/_files/100000001/metadata.json',
    };
    writeFileSync(statePath, JSON.stringify({ version: 1, archive: [entry] }));
    const h = await start({ statePath });
    const res = await h.raw('GET', path, { headers: { authorization: REC_AUTH } });
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'application/octet-stream']);
  });

  /** Raw JSON bodies: JSON.stringify would drop a literal __proto__ key. */
  const BODIES: [string, string, string, string][] = [
    ['POST', '/video/v2/rooms', '{"name":"R","owner_ref":"o","settings":{"__proto__":{"x":1}}}', '10009'],
    ['POST', '/video/v2/rooms', '{"name":"R","owner_ref":"o","settings":{"constructor":"group"}}', '10009'],
    ['POST', '/video/v2/rooms', '{"name":"R","owner_ref":"o","__proto__":{"name":"x"}}', '10009'],
    ['PUT', '/_emulator/faults', '{"__proto__":{"failRate":1}}', '10008'],
    ['PUT', '/_emulator/faults', '{"constructor":1}', '10008'],
  ];

  it.each(BODIES)('%s %s %s -> 400 %s', async (method, path, body, code) => {
    const h = await start();
    const res = await h.raw(method, path, {
      body,
      headers: { authorization: AUTH, 'content-type': 'application/json' },
    });
    expect([res.status, at(res.body, 'result')]).toEqual([400, code]);
    expect(pollution()).toEqual([]);
    expect(at((await h.control('GET', '/faults')).body, 'faults')).toEqual({ failFirstRemaining: 0 });
  });
});
