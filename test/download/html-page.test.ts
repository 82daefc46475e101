import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadAll } from '../../src/download/engine.js';
import { Manifest } from '../../src/download/manifest.js';
import { useNock } from '../helpers/nock.js';

useNock();

const HOST = 'https://files.html.test';
const PAGE = '<html><body>Please log in to use this network</body></html>';
let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** Downloads one file named `name` into a fresh folder; returns the outcome and the folder. */
async function fetchOne(name: string) {
  const dir = mkdtempSync(join(tmpdir(), 'enablex-html-'));
  dirs.push(dir);
  const manifest = await Manifest.load(dir, () => undefined);
  const result = await downloadAll([{ url: new URL(`${HOST}/${name}`), rel: name, full: join(dir, name) }], {
    authorization: 'Basic eA==',
    userAgent: 'test',
    timeoutMs: 5000,
    env: {},
    insecure: false,
    signal: new AbortController().signal,
    manifest,
    concurrency: 1,
    retries: 2,
    sleep: async () => undefined,
    progress: { bytes: () => undefined, done: () => undefined },
  });
  return { outcome: result.outcomes[0], dir, manifest };
}

describe('an HTML page instead of the file (captive portal, login page, proxy error sent as 200)', () => {
  it.each(['recording-1.mkv', 'chatdata.json'])(
    '%s: fails, once, and nothing is saved or marked complete',
    async (name) => {
      nock(HOST).get(`/${name}`).once().reply(200, PAGE, { 'content-type': 'text/html; charset=utf-8' });
      const { outcome, dir, manifest } = await fetchOne(name);
      expect(outcome).toMatchObject({ path: name, status: 'failed' });
      expect(outcome?.error).toMatch(/HTML page \(HTTP 200\), not the file/);
      expect(existsSync(join(dir, name))).toBe(false);
      expect(readdirSync(dir).filter((f) => f.startsWith(name))).toEqual([]);
      expect(await manifest.isComplete(name, join(dir, name))).toBe(false);
    },
  );

  it('a file that is an HTML page is saved as usual', async () => {
    nock(HOST).get('/report.html').reply(200, PAGE, { 'content-type': 'text/html' });
    const { outcome, dir } = await fetchOne('report.html');
    expect(outcome).toMatchObject({ status: 'downloaded', bytes: PAGE.length });
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
  });
});
