import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enablex } from './helpers/run.js';

/** A bare local HTTP server answering like EnableX, to check packaging, streams and exit codes. */
let server: Server;
let base: string;
const seen: { method?: string; url?: string; auth?: string; agent?: string }[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    seen.push({
      method: req.method,
      url: req.url,
      auth: req.headers.authorization,
      agent: req.headers['user-agent'],
    });
    res.setHeader('content-type', 'application/json');
    if (req.url === '/video/v2/rooms' && req.method === 'GET') {
      res.end(
        JSON.stringify({
          result: 0,
          rooms: [
            {
              room_id: 'aaaaaaaaaaaaaaaaaaaaaaaa',
              name: 'One',
              owner_ref: 'o',
              settings: { participants: '10' },
            },
          ],
        }),
      );
    } else if (req.url === '/video/v2/rooms' && req.method === 'POST') {
      res.end(JSON.stringify({ result: 0, room: { room_id: 'bbbbbbbbbbbbbbbbbbbbbbbb', name: 'New' } }));
    } else if (req.url?.startsWith('/video/v2/rooms/')) {
      res.statusCode = 404;
      res.end(JSON.stringify({ result: '40001', error: 'Room not found', desc: '' }));
    } else {
      res.statusCode = 500;
      res.end('<html>oops</html>');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/video/v2`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const env = () => ({
  ENABLEX_APP_ID: 'aaaaaaaaaaaaaaaaaaaaaaaa',
  ENABLEX_APP_KEY: 'SecretKeyForBinaryTests1234567890',
  ENABLEX_BASE_URL: base,
  ENABLEX_CONFIG_DIR: '/nonexistent/enablex-test',
});

describe('the built binary', () => {
  it('keeps data on stdout and notes on stderr', async () => {
    const r = await enablex(['room', 'create', '--name', 'New', '--owner-ref', 'o'], { env: env() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('bbbbbbbbbbbbbbbbbbbbbbbb');
    expect(r.stderr).toContain('Created room bbbbbbbbbbbbbbbbbbbbbbbb');
    expect(seen.at(-1)?.agent).toMatch(/^enablex-cli\/\d+\.\d+\.\d+/);
  });

  it('-q gives a bare id for ROOM=$(…)', async () => {
    const r = await enablex(['room', 'create', '--name', 'New', '--owner-ref', 'o', '-q'], { env: env() });
    expect(r).toMatchObject({ code: 0, stdout: 'bbbbbbbbbbbbbbbbbbbbbbbb\n', stderr: '' });
  });

  it('JSON is parseable and colourless', async () => {
    const r = await enablex(['room', 'list', '--json'], { env: { ...env(), FORCE_COLOR: '1' } });
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });

  it('not found exits 4 with a one-block message and no stack', async () => {
    const r = await enablex(['room', 'get', 'cccccccccccccccccccccccc'], { env: env() });
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^Error: GET \/rooms\/cccccccccccccccccccccccc: Room not found \(result 40001, HTTP 404\)\nHint: /,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('usage errors exit 2 without a request', async () => {
    const before = seen.length;
    const r = await enablex(['room', 'create', '--name', 'x'], { env: env() });
    expect(r.code).toBe(2);
    expect(seen.length).toBe(before);
  });

  it('server errors exit 5 after retries', async () => {
    const before = seen.length;
    const r = await enablex(
      ['room', 'list', '--retries', '1', '--base-url', base.replace('/video/v2', '/other')],
      { env: env() },
    );
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('server error');
    expect(seen.length - before).toBe(2);
  });

  it('the key never appears in --verbose logs', async () => {
    const r = await enablex(['room', 'list', '--verbose'], { env: env() });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('authorization: Basic [REDACTED]');
    expect(r.stderr + r.stdout).not.toContain('SecretKeyForBinaryTests');
  });
});
