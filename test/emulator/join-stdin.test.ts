import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { makeContext, type TestContext } from '../helpers/cli.js';
import { DEV_ENV } from './helpers.js';

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/** A stand-in control server that records the body of POST /_emulator/join and answers a join. */
async function recordingServer(): Promise<{ baseUrl: string; bodies: string[] }> {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          result: 0,
          room_id: 'r'.repeat(24),
          conf_num: '100000001',
          ends_at: '2026-11-29T13:00:00.000Z',
          user: { name: 'Ann', user_ref: 'a', role: 'participant', call_num: '100000001-1' },
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => server.close());
  const port = (server.address() as { port: number }).port;
  return { baseUrl: `http://127.0.0.1:${port}/video/v2`, bodies };
}

async function join(ctx: TestContext): Promise<number> {
  return run(['emulator', 'join', '-', '-o', 'json', '--retries', '0'], ctx);
}

describe('enablex emulator join -', () => {
  it('refuses a terminal on stdin (exit 2) instead of waiting for it', async () => {
    const ctx = makeContext({ env: DEV_ENV, stdinTTY: true });
    expect(await join(ctx)).toBe(2);
    expect(ctx.err.text).toContain('standard input, but it is a terminal');
  });

  it('reads the whole token, even a character split across chunks', async () => {
    const { baseUrl, bodies } = await recordingServer();
    const ctx = makeContext({ env: { ...DEV_ENV, ENABLEX_BASE_URL: baseUrl } });
    const bytes = Buffer.from('tok\u00e9n\n');
    // 'é' is two bytes in UTF-8: the first chunk ends between them.
    const stdin = Readable.from([bytes.subarray(0, 4), bytes.subarray(4)]);
    Object.assign(ctx, { stdin });
    expect(await join(ctx)).toBe(0);
    expect(bodies.map((b) => JSON.parse(b) as unknown)).toEqual([{ token: 'tok\u00e9n' }]);
    expect(JSON.parse(ctx.out.text)).toMatchObject({ conf_num: '100000001' });
  });
});
