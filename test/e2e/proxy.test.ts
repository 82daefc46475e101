import { beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import { selfSignedCert, startProxy, startTlsFront, type SeenServer } from './helpers/proxy.js';
import { Outputs } from './helpers/run.js';

/**
 * The built binary through a real forward proxy on loopback. The CLI never proxies loopback names
 * (127.0.0.1, localhost, ::1: see src/http/proxy.ts), so the base URL names `emulator.localhost`: the
 * CLI proxies it, the test proxy resolves it to 127.0.0.1, and the emulator answers `*.localhost`.
 * hpagent tunnels plain http through CONNECT too, so the proxy never sees the Authorization header.
 */
const HOST = 'emulator.localhost';
const PROXY_USER = 'proxy-user';
const PROXY_PASSWORD = 'pr0xyPassWd9Kq';
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

const out = new Outputs();
out.scan();
out.secret(PROXY_PASSWORD);
out.basicSecret(PROXY_USER, PROXY_PASSWORD);
let t: TestEmulator;
let proxy: SeenServer;
let proxyUrl: string;
let appAuth: string;

beforeAll(async () => {
  t = await startTestEmulator({ outputs: out });
  proxy = await startProxy();
  proxyUrl = `http://${PROXY_USER}:${PROXY_PASSWORD}@127.0.0.1:${proxy.port}`;
  appAuth = basic(t.creds.appId, t.creds.appKey);
});

/** `room list --json` with a base URL on `emulator.localhost`; returns the parsed rooms. */
async function roomList(baseUrl: string, env: Record<string, string>, extra: string[] = []) {
  const r = await out.run(['room', 'list', '--json', ...extra], {
    env: t.env({ ENABLEX_BASE_URL: baseUrl, ...env }),
  });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as unknown[];
}

describe('through a real HTTP proxy', () => {
  it('plain http: tunnelled through the proxy, which gets its own credentials and never the app key', async () => {
    await t.api('POST', '/rooms', { name: 'via proxy', owner_ref: 'p', settings: { mode: 'group' } });
    const port = new URL(t.emu.baseUrl).port;
    const before = proxy.seen.length;
    const rooms = await roomList(`http://${HOST}:${port}/video/v2`, { HTTP_PROXY: proxyUrl }, ['--insecure']);
    expect(rooms.length).toBeGreaterThan(0);
    const seen = proxy.seen.slice(before);
    expect(seen.map((s) => `${s.method} ${s.target}`)).toEqual([`CONNECT ${HOST}:${port}`]);
    expect(seen[0]!.headers['proxy-authorization']).toBe(basic(PROXY_USER, PROXY_PASSWORD));
    expect(seen[0]!.headers['authorization']).toBeUndefined();
    expect(JSON.stringify(seen[0]!.headers)).not.toContain(t.creds.appKey);
    expect(t.requests.at(-1)).toMatch(/^GET \/video\/v2\/rooms 200/);
  });

  it('https: a CONNECT tunnel; the proxy sees its own credentials and never the app key', async () => {
    const tls = selfSignedCert(HOST);
    const front = await startTlsFront(tls, Number(new URL(t.emu.baseUrl).port));
    const before = proxy.seen.length;
    const rooms = await roomList(`https://${HOST}:${front.port}/video/v2`, {
      HTTPS_PROXY: proxyUrl,
      // The child trusts the test's self-signed certificate, and nothing else changes.
      NODE_EXTRA_CA_CERTS: tls.certFile,
    });
    expect(rooms.length).toBeGreaterThan(0);
    const seen = proxy.seen.slice(before);
    expect(seen.map((s) => `${s.method} ${s.target}`)).toEqual([`CONNECT ${HOST}:${front.port}`]);
    expect(seen[0]!.headers['proxy-authorization']).toBe(basic(PROXY_USER, PROXY_PASSWORD));
    expect(seen[0]!.headers['authorization']).toBeUndefined();
    expect(JSON.stringify(seen[0]!.headers)).not.toContain(t.creds.appKey);
    // Inside the tunnel the API got the app credentials, and no proxy credentials.
    expect(front.seen.map((s) => `${s.method} ${s.target}`)).toEqual(['GET /video/v2/rooms']);
    expect(front.seen[0]!.headers['authorization']).toBe(appAuth);
    expect(front.seen[0]!.headers['proxy-authorization']).toBeUndefined();
  });

  it('NO_PROXY exempts the host: the request does not reach the proxy', async () => {
    const port = new URL(t.emu.baseUrl).port;
    const before = proxy.seen.length;
    const r = await out.run(['room', 'list', '--json', '--insecure', '--retries', '0', '--timeout', '5'], {
      env: t.env({
        ENABLEX_BASE_URL: `http://${HOST}:${port}/video/v2`,
        HTTP_PROXY: proxyUrl,
        NO_PROXY: HOST,
      }),
    });
    // Direct, the name resolves or not depending on the system resolver: reached (0) or not (5).
    expect([0, 5]).toContain(r.code);
    expect(proxy.seen.length).toBe(before);
  });
});
