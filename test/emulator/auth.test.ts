import { afterEach, describe, expect, it } from 'vitest';
import { DEV_CREDENTIALS } from '../../src/emulator/index.js';
import { at, basic, start, stopAll } from './helpers.js';

afterEach(stopAll);

const ROUTES: [string, string][] = [
  ['GET', '/video/v2/rooms'],
  ['POST', '/video/v2/rooms'],
  ['GET', '/video/v2/rooms/0123456789abcdef01234567'],
  ['PATCH', '/video/v2/rooms/0123456789abcdef01234567'],
  ['DELETE', '/video/v2/rooms/0123456789abcdef01234567'],
  ['POST', '/video/v2/rooms/0123456789abcdef01234567/tokens'],
  ['GET', '/video/v2/rooms/0123456789abcdef01234567/users'],
  ['GET', '/video/v2/archive/period/2024-01-01/2024-01-31'],
  ['GET', '/video/v2/cdr/conf/10000001'],
  ['GET', '/video/v2/dialin/'],
  ['GET', '/_emulator/status'],
  ['PUT', '/_emulator/faults'],
];

describe('Basic auth', () => {
  it.each([
    ['missing', undefined],
    ['wrong key', basic(DEV_CREDENTIALS.appId, 'nope')],
    ['wrong id', basic('0123456789abcdef01234567', DEV_CREDENTIALS.appKey)],
    ['the recording credentials', basic(DEV_CREDENTIALS.recordingUser, DEV_CREDENTIALS.recordingPassword)],
    ['not Basic', 'Bearer abc'],
  ])(
    '%s credentials: 401, result 10000 "Application not found" on every route',
    async (_what, authorization) => {
      const h = await start();
      for (const [method, path] of ROUTES) {
        const res = await h.raw(method, path, { headers: authorization ? { authorization } : {} });
        expect(res.status, `${method} ${path}`).toBe(401);
        expect(res.body).toEqual({ result: '10000', error: 'Application not found', desc: '' });
        expect(res.headers.get('www-authenticate')).toMatch(/^Basic/);
      }
    },
  );

  it('accepts the credentials it was started with', async () => {
    const creds = { ...DEV_CREDENTIALS, appId: 'aaaaaaaaaaaaaaaaaaaaaaaa', appKey: 'b'.repeat(36) };
    const h = await start({ credentials: creds });
    const ok = await h.raw('GET', '/video/v2/rooms', {
      headers: { authorization: basic(creds.appId, creds.appKey) },
    });
    expect(ok.status).toBe(200);
    expect((await h.api('GET', '/rooms')).status).toBe(401);
  });
});

describe('unknown routes', () => {
  it('answer 404 JSON without a result code, inside and outside the API', async () => {
    const h = await start();
    const inside = await h.api('GET', '/nothing/here');
    expect(inside.status).toBe(404);
    expect(inside.headers.get('content-type')).toMatch(/json/);
    expect(at(inside.body, 'result')).toBeUndefined();
    expect(String(at(inside.body, 'error'))).toMatch(/No such route/);
    const outside = await h.raw('GET', '/favicon.ico');
    expect([outside.status, at(outside.body, 'desc')]).toEqual([404, '']);
  });

  it('answer 405 with Allow for a known path and the wrong method', async () => {
    const h = await start();
    const res = await h.api('PUT', '/rooms');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, POST');
  });
});
