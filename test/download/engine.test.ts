import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadAll, type FileOutcome } from '../../src/download/engine.js';
import { MANIFEST_NAME, Manifest } from '../../src/download/manifest.js';
import { countingAgents } from '../helpers/agents.js';
import { useNock } from '../helpers/nock.js';

useNock();

const HOST = 'https://files.engine.test';
let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'enablex-engine-'));
  dirs.push(d);
  return d;
}

async function run(
  dir: string,
  count: number,
  concurrency: number,
  done: (o: FileOutcome) => void = () => {},
  env: Record<string, string> = {},
  retry: Partial<Parameters<typeof downloadAll>[1]> = {},
) {
  const manifest = await Manifest.load(dir, () => undefined);
  const jobs = Array.from({ length: count }, (_, i) => ({
    url: new URL(`${HOST}/f${i}`),
    rel: `f${i}`,
    full: join(dir, `f${i}`),
  }));
  return downloadAll(jobs, {
    authorization: 'Basic eA==',
    userAgent: 'test',
    timeoutMs: 5000,
    env,
    insecure: false,
    signal: new AbortController().signal,
    manifest,
    concurrency,
    retries: 0,
    sleep: async () => undefined,
    progress: { bytes: () => undefined, done },
    ...retry,
  });
}

describe('downloadAll', () => {
  it.each([1, 2, 4])('runs at most %d transfers at a time', async (concurrency) => {
    const dir = tempDir();
    let inFlight = 0;
    let peak = 0;
    nock(HOST)
      .get(/\/f\d/)
      .times(6)
      .delay(30)
      .reply(() => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        return [200, 'x'];
      });
    const result = await run(dir, 6, concurrency, () => inFlight--);
    expect(result.outcomes.map((o) => o.status)).toEqual(Array(6).fill('downloaded'));
    expect(peak).toBe(concurrency);
  });

  it('shares one proxy agent between all files of a run and destroys it when the run ends', async () => {
    const dir = tempDir();
    nock(HOST).get(/\/f\d/).times(4).reply(200, 'x');
    const agents = countingAgents();
    const result = await run(
      dir,
      4,
      2,
      () => undefined,
      { HTTPS_PROXY: 'http://proxy.corp.test:3128' },
      { agentFactory: agents.factory },
    );
    expect(result.outcomes.map((o) => o.status)).toEqual(Array(4).fill('downloaded'));
    expect(agents.built).toHaveLength(1);
    expect(agents.destroyed).toEqual(agents.built);
  });

  it.each([429, 503])(
    'waits as long as a %d asks (Retry-After) before trying a file again',
    async (status) => {
      const dir = tempDir();
      nock(HOST).get('/f0').reply(status, 'busy', { 'retry-after': '7' });
      nock(HOST).get('/f0').reply(200, 'hello');
      const waits: number[] = [];
      const sleep = async (ms: number) => void waits.push(ms);
      const result = await run(dir, 1, 1, () => undefined, {}, { retries: 1, sleep });
      expect(result.outcomes.map((o) => o.status)).toEqual(['downloaded']);
      expect(waits).toEqual([7000]);
    },
  );

  it('backs off on its own when the server gives no Retry-After', async () => {
    const dir = tempDir();
    nock(HOST).get('/f0').reply(500, 'oops');
    nock(HOST).get('/f0').reply(200, 'hello');
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    await run(dir, 1, 1, () => undefined, {}, { retries: 1, sleep });
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(250);
    expect(waits[0]).toBeLessThanOrEqual(500);
  });

  it('logs a file retry as an API retry is logged (--verbose)', async () => {
    const dir = tempDir();
    nock(HOST).get('/f0').reply(503, 'busy', { 'retry-after': '2' });
    nock(HOST).get('/f0').reply(200, 'hello');
    const lines: string[] = [];
    await run(dir, 1, 1, () => undefined, {}, { retries: 2, log: (l) => lines.push(l) });
    expect(lines).toContain('! retrying in 2000 ms (attempt 2 of 3): f0: the file server answered HTTP 503');
  });

  it('announces a wait over 3 s as an API retry is announced (without --verbose)', async () => {
    const dir = tempDir();
    nock(HOST).get('/f0').reply(429, 'slow down', { 'retry-after': '9' });
    nock(HOST).get('/f0').reply(200, 'hello');
    const notices: string[] = [];
    const waits: number[] = [];
    const result = await run(
      dir,
      1,
      1,
      () => undefined,
      {},
      {
        retries: 1,
        sleep: async (ms) => void waits.push(ms),
        notice: (l) => notices.push(l),
      },
    );
    expect(result.outcomes.map((o) => o.status)).toEqual(['downloaded']);
    expect(waits).toEqual([9000]);
    expect(notices).toEqual([
      'Waiting 9 s before retrying GET f0 (attempt 2 of 2): f0: the file server answered HTTP 429',
    ]);
  });

  it('caps a Retry-After at 60 s, as for API requests', async () => {
    const dir = tempDir();
    nock(HOST).get('/f0').reply(503, 'busy', { 'retry-after': '86400' });
    nock(HOST).get('/f0').reply(200, 'hello');
    const waits: number[] = [];
    await run(dir, 1, 1, () => undefined, {}, { retries: 1, sleep: async (ms) => void waits.push(ms) });
    expect(waits).toEqual([60_000]);
  });

  it('Ctrl-C during the wait before a retry stops at once: no second request, nothing reported', async () => {
    const dir = tempDir();
    nock(HOST).get('/f0').reply(503, 'busy', { 'retry-after': '30' });
    const controller = new AbortController();
    const done: FileOutcome[] = [];
    const started = performance.now();
    const result = await run(
      dir,
      1,
      1,
      (o) => done.push(o),
      {},
      {
        retries: 3,
        signal: controller.signal,
        // A real wait that only the signal ends: resolving late would mean the abort was missed.
        sleep: (ms, signal) =>
          new Promise<void>((resolve, reject) => {
            const timer = setTimeout(resolve, ms);
            signal?.addEventListener('abort', () => {
              clearTimeout(timer);
              reject(new Error('aborted'));
            });
            setTimeout(() => controller.abort(), 20);
          }),
      },
    );
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.interrupted).toBe(true);
    expect(result.outcomes).toEqual([]);
    expect(done).toEqual([]);
  });

  it('does not retry a TLS failure, as API requests do not', async () => {
    const dir = tempDir();
    nock(HOST)
      .get('/f0')
      .replyWithError(Object.assign(new Error('certificate has expired'), { code: 'CERT_HAS_EXPIRED' }));
    const waits: number[] = [];
    const result = await run(
      dir,
      1,
      1,
      () => undefined,
      {},
      {
        retries: 2,
        sleep: async (ms) => void waits.push(ms),
      },
    );
    expect(waits).toEqual([]);
    expect(result.outcomes[0]).toMatchObject({ status: 'failed' });
    expect(result.outcomes[0]?.error).toMatch(/^TLS to files\.engine\.test failed/);
  });

  it('keeps a manifest of complete files with their sizes', async () => {
    const dir = tempDir();
    nock(HOST).get('/f0').reply(200, 'hello', { etag: '"e1"', 'content-length': '5' });
    await run(dir, 1, 1);
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_NAME), 'utf8'));
    expect(manifest).toEqual({ version: 1, files: { f0: { complete: true, size: 5, etag: '"e1"' } } });
  });

  it('an unreadable manifest is reported and every file checked again', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, MANIFEST_NAME), '{not json');
    writeFileSync(join(dir, 'f0'), 'hello');
    const warnings: string[] = [];
    const manifest = await Manifest.load(dir, (m) => warnings.push(m));
    expect(warnings[0]).toContain('is not readable');
    expect(await manifest.isComplete('f0', join(dir, 'f0'))).toBe(false);
  });
});
