import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadAll } from '../../src/download/engine.js';
import { Manifest } from '../../src/download/manifest.js';

// A real loopback server, without nock: got's socket timeout is what is under test here.
let server: Server | undefined;
let dir: string | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  server = dir = undefined;
});

/** Starts a server answering every request with `handler`; returns its origin. */
async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('download timeouts', () => {
  it('a transfer that stalls says what timed out and which flag raises the limit', async () => {
    const origin = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('x'.repeat(10));
    });
    dir = mkdtempSync(join(tmpdir(), 'enablex-timeout-'));
    const result = await downloadAll([{ url: new URL(`${origin}/f0`), rel: 'f0', full: join(dir, 'f0') }], {
      authorization: 'Basic eA==',
      userAgent: 'test',
      timeoutMs: 2000,
      env: {},
      insecure: true,
      signal: new AbortController().signal,
      manifest: await Manifest.load(dir, () => undefined),
      concurrency: 1,
      retries: 0,
      sleep: async () => undefined,
      progress: { bytes: () => undefined, done: () => undefined },
    });
    expect(result.outcomes[0]).toMatchObject({ status: 'failed', bytes: 10 });
    expect(result.outcomes[0]?.error).toBe(
      `${new URL(origin).host} answered, then sent nothing for 2 s (the --timeout limit for silence): the transfer stalled.`,
    );
  });
});
