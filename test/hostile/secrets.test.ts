import { describe, expect, it } from 'vitest';
import { Outputs } from '../e2e/helpers/run.js';
import { APP_ID, APP_KEY, envFor } from './env.js';
import { startHostile } from './server.js';

// Finding 9: secrets the server echoed were printed (three times with --verbose).
const out = new Outputs();
out.secret(APP_KEY, 'SipPassw0rdEcho', Buffer.from(APP_KEY).toString('base64'));
out.basicSecret(APP_ID, APP_KEY);
out.scan();

describe('secrets a server echoes never reach the terminal', () => {
  it('a 502 page quoting the Authorization header and the key, with --verbose', async () => {
    const api = await startHostile('echo-secrets', { appKey: APP_KEY });
    const r = await out.run(['room', 'list', '--verbose', '--retries', '0'], { env: envFor(api.baseUrl) });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('502 Bad Gateway');
    expect(r.stderr).toContain('Authorization: Basic [REDACTED]');
    expect(r.stderr).toContain('app key [REDACTED]');
  });

  it('a dial-in answer that is not JSON, quoted in the error and the log', async () => {
    const api = await startHostile('echo-secrets', { appKey: APP_KEY });
    const r = await out.run(['dialin', '--verbose', '--retries', '0'], { env: envFor(api.baseUrl) });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('not readable JSON');
    expect(r.stderr).toContain('"password": "[REDACTED]"');
  });

  it('a proxy setting without a scheme is refused without echoing its password', async () => {
    const r = await out.run(['room', 'list', '--base-url', 'https://api.example.invalid/video/v2'], {
      env: {
        ...envFor('https://api.example.invalid/video/v2'),
        HTTPS_PROXY: 'proxyuser:Pr0xyS3cret@proxy.invalid:3128',
      },
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('HTTPS_PROXY');
    expect(r.stderr).not.toContain('Pr0xyS3cret');
  });
});

describe('a secret cut short is not left half-shown', () => {
  /** Every piece of 4 characters or more that begins `secret`. */
  const prefixes = (secret: string) =>
    Array.from({ length: secret.length - 3 }, (_, i) => secret.slice(0, i + 4));

  it('a long 502 page with the key at the 120-character cut, and its base64 near the 200-character one', async () => {
    const api = await startHostile('echo-long', { appKey: APP_KEY });
    const r = await out.run(['room', 'list', '--verbose', '--retries', '0'], { env: envFor(api.baseUrl) });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain(`Error: GET /rooms: server error: ${'A'.repeat(110)}[REDACTED]… (HTTP 502)`);
    expect(r.stderr).toMatch(/< A{110}\[REDACTED\] B{67}b64=\[REDACTED\]… \(\d+ bytes\)/);
    const b64 = Buffer.from(APP_KEY).toString('base64');
    for (const piece of [...prefixes(APP_KEY), ...prefixes(b64)]) expect(r.stderr).not.toContain(piece);
  });
});
