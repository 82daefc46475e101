import { describe, expect, it } from 'vitest';
import { Outputs } from '../e2e/helpers/run.js';
import { APP_ID, APP_KEY, envFor } from './env.js';
import { startHostile } from './server.js';

// The low findings of this layer: deep JSON, Retry-After, --timeout in hex, echoed URL
// passwords, and *.localhost taken for loopback.
const out = new Outputs();
out.secret(APP_KEY, 'B4seUrlS3cret');
out.basicSecret(APP_ID, APP_KEY);
out.scan();

describe('hostile answers and risky settings', () => {
  it('JSON nested 50 000 deep is an unreadable answer (exit 5), not a crash', async () => {
    const api = await startHostile('deep-json');
    const r = await out.run(['api', 'get', 'rooms', '--verbose', '--retries', '0'], {
      env: envFor(api.baseUrl),
    });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('nested more than 256 levels deep');
    expect(r.stderr).not.toMatch(/bug|call stack/);
  });

  it('says on stderr when it waits for a Retry-After', async () => {
    const api = await startHostile('retry-after', { retryAfter: '4' });
    const r = await out.run(['room', 'list'], { env: envFor(api.baseUrl) });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Waiting 4 s before retrying GET \/rooms \(attempt 2 of 4\)/);
    expect(api.hits).toHaveLength(2);
  });

  it.each(['0x5', '1e1', 'Infinity', ' 5'])('refuses --timeout %j: exit 2, nothing sent', async (value) => {
    const api = await startHostile('ok');
    const r = await out.run(['room', 'list', '--timeout', value], { env: envFor(api.baseUrl) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--timeout must be a number of seconds');
    expect(api.hits).toEqual([]);
  });

  it.each([
    'user:B4seUrlS3cret@api.example.com/video/v2',
    ':B4seUrlS3cret@api.example.com/video/v2',
    'https://:B4seUrlS3cret@api.example.com/video/v2',
    'ftp://user:B4seUrlS3cret@api.example.com/video/v2',
    'https:\\\\user:B4seUrlS3cret@api.example.com/video/v2',
  ])('refuses credentials in --base-url %s without echoing them', async (url) => {
    const r = await out.run(['room', 'list', '--base-url', url], {
      env: envFor('https://api.example.com/video/v2'),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--base-url must not hold credentials');
    expect(r.stderr).not.toContain('B4seUrlS3cret');
  });

  it('treats *.localhost as a remote host: plain http is refused, nothing sent', async () => {
    const api = await startHostile('ok');
    const port = new URL(api.origin).port;
    const r = await out.run(['room', 'list', '--base-url', `http://evil.localhost:${port}/video/v2`], {
      env: envFor(api.baseUrl),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is plain http:// to a host that is not loopback');
    expect(api.hits).toEqual([]);
  });
});
