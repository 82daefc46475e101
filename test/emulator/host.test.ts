import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { hostChecker, hostName } from '../../src/emulator/host-check.js';
import { AUTH, start, stopAll } from './helpers.js';

afterEach(stopAll);

/** A GET with a chosen Host header (fetch does not let a caller set it). */
function getWithHost(port: number, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host, authorization: AUTH } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('Host header check (DNS rebinding)', () => {
  it('answers loopback names and refuses other names with 403 and the flag to use', async () => {
    const h = await start();
    const port = h.emu.port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, 'app.localhost'])
      expect((await getWithHost(port, '/video/v2/rooms', host)).status).toBe(200);
    const refused = await getWithHost(port, '/video/v2/rooms', `evil.example:${port}`);
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('--allow-host evil.example');
    expect((await getWithHost(port, '/_emulator/v1/status', 'evil.example')).status).toBe(403);
  });

  it('answers the names given in allowHosts, or any with true', async () => {
    const named = await start({ allowHosts: ['my-laptop.local'] });
    expect((await getWithHost(named.emu.port, '/video/v2/rooms', 'my-laptop.local:1')).status).toBe(200);
    expect((await getWithHost(named.emu.port, '/video/v2/rooms', 'other.local')).status).toBe(403);
    const any = await start({ allowHosts: true });
    expect((await getWithHost(any.emu.port, '/video/v2/rooms', 'other.local')).status).toBe(200);
  });

  it.each([
    ['0.0.0.0', '127.0.0.1', true],
    ['0.0.0.0', 'rebind.attacker.test', false],
    ['192.0.2.10', '192.0.2.10:4040', true],
    ['192.0.2.10', '192.0.2.11', false],
    ['::1', '[::1]:80', true],
  ] as const)('listening on %s, Host %s -> %s', (bound, header, allowed) => {
    expect(hostChecker(bound, undefined)(header)).toBe(allowed);
  });

  it('reads host names without port, brackets or trailing dot', () => {
    expect(['Example.COM.:80', '[::1]:4040', 'localhost'].map(hostName)).toEqual([
      'example.com',
      '::1',
      'localhost',
    ]);
  });
});
