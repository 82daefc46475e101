import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Hpagent from 'hpagent';
import nock from 'nock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadAll, type FileOutcome } from '../../src/download/engine.js';
import { MANIFEST_NAME, Manifest } from '../../src/download/manifest.js';
import { useNock } from '../helpers/nock.js';

/** Every proxy agent built (the real class, counted), to see that a run shares one. */
const { builtAgents, destroyedAgents } = vi.hoisted(() => ({
  builtAgents: [] as object[],
  destroyedAgents: [] as object[],
}));
vi.mock('hpagent', async (importOriginal) => {
  const real = await importOriginal<typeof Hpagent>();
  class HttpsProxyAgent extends real.HttpsProxyAgent {
    constructor(...args: ConstructorParameters<typeof real.HttpsProxyAgent>) {
      super(...args);
      builtAgents.push(this);
    }
    override destroy(): void {
      destroyedAgents.push(this);
      super.destroy();
    }
  }
  return { ...real, HttpsProxyAgent };
});

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
  retry: { retries: number; sleep: (ms: number) => Promise<void> } = {
    retries: 0,
    sleep: async () => undefined,
  },
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
    retries: retry.retries,
    sleep: retry.sleep,
    progress: { bytes: () => undefined, done },
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
    builtAgents.length = 0;
    destroyedAgents.length = 0;
    const result = await run(dir, 4, 2, () => undefined, { HTTPS_PROXY: 'http://proxy.corp.test:3128' });
    expect(result.outcomes.map((o) => o.status)).toEqual(Array(4).fill('downloaded'));
    expect(builtAgents).toHaveLength(1);
    expect(destroyedAgents).toEqual(builtAgents);
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
