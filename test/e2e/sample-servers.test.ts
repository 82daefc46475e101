import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { spawnEmulator } from './helpers/child.js';
import { E2E_CREDENTIALS } from './helpers/emulator.js';
import { Outputs } from './helpers/run.js';

const out = new Outputs();
out.scan();
out.secret(E2E_CREDENTIALS.appKey, E2E_CREDENTIALS.recordingPassword);

interface Sample {
  sample: string;
  prefix: string;
  roomsPath: string;
  room: Record<string, unknown>;
  token: Record<string, unknown>;
}
const { samples } = JSON.parse(
  readFileSync(new URL('../fixtures/recorded/sample-servers.json', import.meta.url), 'utf8'),
) as { samples: Sample[] };

/**
 * One call as the vendor's Node samples make it (vcxutil.connectServer): node's http module, Basic
 * auth of APP_ID:APP_KEY, a JSON body, and the answer parsed with JSON.parse whatever the status.
 */
function connectServer(
  origin: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; data: Record<string, unknown> }> {
  const url = new URL(origin);
  const auth = Buffer.from(`${E2E_CREDENTIALS.appId}:${E2E_CREDENTIALS.appKey}`).toString('base64');
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method,
        headers: { 'Content-Type': 'application/json', Authorization: `Basic ${auth}` },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, data: JSON.parse(text) as Record<string, unknown> }),
        );
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(JSON.stringify(body));
    req.end();
  });
}

describe("the official sample servers' flows against `enablex emulator` (only the host changed)", () => {
  it('create a room, read it back and get tokens, under /v1 and /video/v2, with their own bodies', async () => {
    const emulator = await spawnEmulator(['--port', '0'], {
      env: { ENABLEX_APP_ID: E2E_CREDENTIALS.appId, ENABLEX_APP_KEY: E2E_CREDENTIALS.appKey },
      outputs: out,
    });
    try {
      const origin = new URL(emulator.baseUrl).origin;
      for (const s of samples) {
        const created = await connectServer(origin, 'POST', `${s.prefix}${s.roomsPath}`, s.room);
        // The samples test `result === 0` (a number) and read `room.room_id`.
        expect(created.data['result'], `${s.sample}: ${JSON.stringify(created.data)}`).toBe(0);
        const room = created.data['room'] as Record<string, unknown>;
        const id = room['room_id'];
        expect(id, s.sample).toMatch(/^[0-9a-f]{24}$/);

        const got = await connectServer(origin, 'GET', `${s.prefix}/rooms/${String(id)}`);
        expect(got.data['result'], s.sample).toBe(0);
        expect((got.data['room'] as Record<string, unknown>)['room_id'], s.sample).toBe(id);

        const body = JSON.parse(JSON.stringify(s.token).replace('<room_id>', String(id))) as unknown;
        const token = await connectServer(origin, 'POST', `${s.prefix}/rooms/${String(id)}/tokens`, body);
        expect(token.data['result'], `${s.sample}: ${JSON.stringify(token.data)}`).toBe(0);
        expect(typeof token.data['token'], s.sample).toBe('string');

        const list = await connectServer(origin, 'GET', `${s.prefix}/rooms/`);
        expect(list.data['result'], s.sample).toBe(0);
      }
    } finally {
      const stopped = await emulator.stop();
      expect(stopped.code).toBe(0);
      expect(stopped.stderr).toMatch(/POST \/v1\/rooms\/ 200/);
      expect(stopped.stderr).toMatch(/POST \/video\/v2\/rooms 200/);
    }
  });
});
