import { chmodSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CACHE_FILE, CACHE_TTL_MS, cacheKey, readCache, writeCache } from '../../src/completion/cache.js';
import { lineGlobals } from '../../src/completion/line-globals.js';
import { allSpecs, completionModel } from '../../src/completion/model.js';
import { runCli, tempConfigDir } from '../helpers/cli.js';
import { realProgram } from './tree.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
function dir(): string {
  const t = tempConfigDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('lineGlobals: the account chosen on the line being completed', () => {
  it.each([
    [['enablex', 'room', 'get'], {}],
    [['enablex', '--profile', 'prod', 'room', 'get'], { profile: 'prod' }],
    [['enablex', '--profile=prod', 'users'], { profile: 'prod' }],
    [
      ['enablex', '--base-url', 'http://127.0.0.1:4040/video/v2', '--insecure'],
      { baseUrl: 'http://127.0.0.1:4040/video/v2', insecure: true },
    ],
    [['enablex', '--emulator', 'token'], { emulator: true }],
    [['enablex', '--profile'], {}],
    [['enablex', 'api', 'get', '--', '--profile', 'x'], {}],
  ])('%j', (words, expected) => {
    expect(lineGlobals(words)).toEqual(expected);
  });
});

describe('completion cache', () => {
  it('answers within the TTL, not after; keys never hold the app key', async () => {
    const d = dir();
    const key = cacheKey('rooms', 'https://api.enablex.io/video/v2', 'a'.repeat(24), 'SECRETKEY');
    await writeCache(d, key, ['r1\tOne'], 1_000_000);
    expect(statSync(join(d, CACHE_FILE)).mode & 0o777).toBe(0o600);
    expect(await readCache(d, key, 1_000_000 + CACHE_TTL_MS - 1)).toEqual(['r1\tOne']);
    expect(await readCache(d, key, 1_000_000 + CACHE_TTL_MS)).toBeUndefined();
    expect(await readCache(d, 'other', 1_000_000)).toBeUndefined();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(join(d, CACHE_FILE), 'utf8')).not.toContain('SECRETKEY');
  });
});

describe('enablex __complete', () => {
  it('is hidden from help and from the completion scripts', async () => {
    const help = await runCli(['--help']);
    expect(help.stdout).not.toContain('__complete');
    const names = allSpecs(completionModel(realProgram()).root).map((s) => s.name);
    expect(names).not.toContain('__complete');
  });

  it('prints nothing, on either stream, and exits 0 without credentials or when the request fails', async () => {
    const d = dir();
    const bare = await runCli(['__complete', 'rooms'], {
      env: { ENABLEX_APP_ID: '', ENABLEX_APP_KEY: '', ENABLEX_BASE_URL: '', ENABLEX_CONFIG_DIR: d },
    });
    expect([bare.code, bare.stdout, bare.stderr]).toEqual([0, '', '']);
    const refused = await runCli(['__complete', 'rooms'], {
      env: { ENABLEX_BASE_URL: 'http://127.0.0.1:9/video/v2', ENABLEX_CONFIG_DIR: d },
    });
    expect([refused.code, refused.stdout, refused.stderr]).toEqual([0, '', '']);
    const unknown = await runCli(['__complete', 'tokens'], { env: { ENABLEX_CONFIG_DIR: d } });
    expect([unknown.code, unknown.stdout, unknown.stderr]).toEqual([0, '', '']);
  });

  it('lists saved profiles, the default marked, without warning about a file others can read', async () => {
    const d = dir();
    const file = join(d, 'config.json');
    const profile = { appId: '5f3b2c1a9d8e7f6a5b4c3d2e', appKey: 'k3yK3yk3yK3y' };
    writeFileSync(
      file,
      JSON.stringify({ defaultProfile: 'prod', profiles: { prod: profile, staging: profile } }),
    );
    chmodSync(file, 0o644);
    const r = await runCli(['__complete', 'profiles', '--', 'enablex', '--profile', ''], {
      env: { ENABLEX_CONFIG_DIR: d },
    });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, 'prod\tdefault profile\nstaging\n', '']);
  });

  it('offers no --no-scheduled/--no-adhoc, but keeps negations that turn an API default off', () => {
    const create = allSpecs(completionModel(realProgram()).root).find(
      (s) => s.path.join(' ') === 'room create',
    )!;
    const longs = create.flags.map((f) => f.long);
    expect(longs).not.toContain('--no-scheduled');
    expect(longs).not.toContain('--no-adhoc');
    expect(longs).toContain('--no-screen-share');
  });

  it('marks profile and room values as dynamic in the model', () => {
    const model = completionModel(realProgram());
    const spec = (path: string) => allSpecs(model.root).find((s) => s.path.join(' ') === path)!;
    expect(model.globals.find((f) => f.long === '--profile')?.value).toMatchObject({
      kind: 'dynamic',
      source: 'profiles',
    });
    expect(spec('profile use').args[0]?.value).toMatchObject({ kind: 'dynamic', source: 'profiles' });
    expect(spec('profile add').args[0]?.value.kind).toBe('free');
    for (const path of ['room get', 'room update', 'room delete', 'token', 'users', 'emulator end']) {
      expect(spec(path).args[0]?.value, path).toMatchObject({ kind: 'dynamic', source: 'rooms' });
    }
    expect(spec('cdr').flags.find((f) => f.long === '--room')?.value).toMatchObject({
      kind: 'dynamic',
      source: 'rooms',
    });
  });
});
