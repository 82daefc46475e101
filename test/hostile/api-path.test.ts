import { describe, expect, it } from 'vitest';
import { Outputs } from '../e2e/helpers/run.js';
import { APP_BASIC, APP_ID, APP_KEY, envFor } from './env.js';
import { startHostile } from './server.js';

// Finding 1: a path with a control character became an absolute URL, and the credentials left.
const out = new Outputs();
out.secret(APP_KEY);
out.basicSecret(APP_ID, APP_KEY);
out.scan();

describe('enablex api <path> never sends the credentials to another host', () => {
  it.each([
    ['a line feed inside the scheme', (o: string) => `h\nttp://${o}/x`],
    ['a tab inside the scheme', (o: string) => `ht\ttp://${o}/x`],
    ['a carriage return', (o: string) => `http:\r//${o}/x`],
    ['a leading unit separator', (o: string) => `\u001f//${o}/x`],
    ['a leading escape', (o: string) => `\u001b//${o}/x`],
    ['a DEL', (o: string) => `\u007f//${o}/x`],
  ])('refuses %s: exit 2, nothing sent anywhere', async (_what, path) => {
    const api = await startHostile('ok');
    const other = await startHostile('ok', { listen: '127.0.0.2' });
    const r = await out.run(['api', 'get', path(other.origin.replace('http://', ''))], {
      env: envFor(api.baseUrl),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/<path> holds a control character \(0x[0-9a-f]{2}\)/);
    expect(other.hits).toEqual([]);
    expect(api.hits).toEqual([]);
  });

  it('still sends a relative path to the base URL, with the credentials', async () => {
    const api = await startHostile('ok');
    const r = await out.run(['api', 'get', '/rooms'], { env: envFor(api.baseUrl) });
    expect(r.code).toBe(0);
    expect(api.hits.map((h) => [h.url, h.headers.authorization])).toEqual([['/video/v2/rooms', APP_BASIC]]);
  });

  it('does not follow a redirect to another origin', async () => {
    const other = await startHostile('ok', { listen: '127.0.0.2' });
    const api = await startHostile('redirect', { fileOrigin: other.origin });
    const r = await out.run(['api', 'get', 'rooms', '--retries', '0'], { env: envFor(api.baseUrl) });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/redirected/);
    expect(other.hits).toEqual([]);
  });
});
