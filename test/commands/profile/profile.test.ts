import { readFileSync, statSync, chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_ORIGIN, runCli, tempConfigDir } from '../../helpers/cli.js';
import { useNock } from '../../helpers/nock.js';

useNock();

const KEY = 'AppKeyThatMustNeverBePrinted0123456789';
let cfg: ReturnType<typeof tempConfigDir>;
beforeEach(() => {
  cfg = tempConfigDir();
});
afterEach(() => cfg.cleanup());
/** No env credentials: only the profile store counts. */
const env = (extra: Record<string, string | undefined> = {}) => ({
  ENABLEX_CONFIG_DIR: cfg.dir,
  ENABLEX_APP_ID: undefined,
  ENABLEX_APP_KEY: undefined,
  ENABLEX_BASE_URL: undefined,
  ...extra,
});
/** Adds a profile without the credential check (tests of the check stub the API themselves). */
const add = (name: string, extra: string[] = [], extraEnv: Record<string, string> = {}) =>
  runCli(
    [
      'profile',
      'add',
      name,
      '--app-id',
      '5f3b2c1a9d8e7f6a5b4c3d2e',
      '--app-key-stdin',
      '--no-verify',
      ...extra,
    ],
    { env: env(extraEnv), stdin: `${KEY}\n` },
  );
/** Adds a profile with the check, against the test API unless told otherwise. */
const addChecked = (name: string, extra: string[] = ['--base-url', `${API_ORIGIN}/video/v2`]) =>
  runCli(['profile', 'add', name, '--app-id', '5f3b2c1a9d8e7f6a5b4c3d2e', '--app-key-stdin', ...extra], {
    env: env(),
    stdin: `${KEY}\n`,
  });
const saved = (): Record<string, unknown> => {
  try {
    return (
      (
        JSON.parse(readFileSync(join(cfg.dir, 'config.json'), 'utf8')) as {
          profiles?: Record<string, unknown>;
        }
      ).profiles ?? {}
    );
  } catch {
    return {};
  }
};

describe('profile add checks the credentials before saving them', () => {
  const rooms = () =>
    nock(API_ORIGIN).get('/video/v2/rooms').basicAuth({ user: '5f3b2c1a9d8e7f6a5b4c3d2e', pass: KEY });

  it('saves them when one GET /rooms with them is accepted', async () => {
    rooms().reply(200, { result: 0, rooms: [] });
    const r = await addChecked('ok');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /Saved profile "ok" in .* \(default\); api\.enablex\.test accepted its credentials\./,
    );
    expect(saved()).toHaveProperty('ok');
  });

  it('checks the default base URL when the profile has none', async () => {
    nock('https://api.enablex.io').get('/video/v2/rooms').reply(200, { result: 0, rooms: [] });
    const r = await addChecked('prod', []);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('api.enablex.io accepted its credentials');
  });

  it.each<[string, (s: nock.Interceptor) => nock.Scope, RegExp]>([
    [
      'result 10000',
      (s) => s.reply(200, { result: '10000', error: 'Application not found' }),
      /\(GET \/rooms: result 10000\)/,
    ],
    ['HTTP 401', (s) => s.reply(401, { result: '10000' }), /\(GET \/rooms: result 10000\)|HTTP 401/],
    ['HTTP 403', (s) => s.reply(403, 'Forbidden'), /\(GET \/rooms: HTTP 403\)/],
  ])('a refused key (%s) exits 3 and is not saved', async (_name, answer, why) => {
    answer(rooms());
    const r = await addChecked('bad');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^Error: api\.enablex\.test refused the app id or key /);
    expect(r.stderr).toMatch(why);
    expect(r.stderr).toContain('profile "bad" was not saved.');
    expect(r.stderr).toContain('--no-verify');
    expect(r.stdout + r.stderr).not.toContain(KEY);
    expect(saved()).not.toHaveProperty('bad');
  });

  it('a network failure says so, exits 5, and saves nothing', async () => {
    rooms().replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    const r = await addChecked('offline');
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(
      /^Error: could not check the credentials: .*(refused|ECONNREFUSED).*; profile "offline" was not saved\./,
    );
    expect(r.stderr).toMatch(/Hint: Check the network .* Add --no-verify to save it without checking\./);
    expect(saved()).not.toHaveProperty('offline');
  });

  it('a server error after retries exits 5 and saves nothing', async () => {
    rooms().reply(503, 'busy');
    const r = await addChecked('down');
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('profile "down" was not saved');
    expect(saved()).not.toHaveProperty('down');
  });

  it('a base URL that is not the API (404) exits 4 and saves nothing', async () => {
    nock(API_ORIGIN).get('/wrong/rooms').reply(404, 'Not Found');
    const r = await addChecked('typo', ['--base-url', `${API_ORIGIN}/wrong`]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('profile "typo" was not saved');
    expect(r.stderr).toMatch(/Hint: Is https:\/\/api\.enablex\.test\/wrong.* the EnableX Video API/);
    expect(saved()).not.toHaveProperty('typo');
  });

  it('--no-verify saves without any request, and says it did not check', async () => {
    const r = await addChecked('later', ['--no-verify']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('(credentials not checked: --no-verify)');
    expect(saved()).toHaveProperty('later');
  });

  it('a refused key does not replace the profile it was meant to replace', async () => {
    expect((await add('keep')).code).toBe(0);
    const before = saved()['keep'];
    rooms().reply(200, { result: '10000', error: 'Application not found' });
    const r = await addChecked('keep', ['--base-url', `${API_ORIGIN}/video/v2`, '--yes']);
    expect(r.code).toBe(3);
    expect(saved()['keep']).toEqual(before);
  });
});

describe('profile add', () => {
  it('saves from a script with the key on stdin, file mode 0600, key never printed', async () => {
    const r = await add('ci', ['--base-url', 'https://api.brand.example/video/v2/']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Saved profile "ci"');
    expect(r.stdout + r.stderr).not.toContain(KEY);
    const file = join(cfg.dir, 'config.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      defaultProfile: 'ci',
      profiles: { ci: { appKey: KEY, baseUrl: 'https://api.brand.example/video/v2' } },
    });
  });

  it('takes the key from ENABLEX_APP_KEY', async () => {
    const r = await runCli(['profile', 'add', 'envkey', '--app-id', 'abcd1234', '--no-verify'], {
      env: env({ ENABLEX_APP_KEY: KEY }),
    });
    expect(r.code).toBe(0);
  });

  it('never accepts the key as a flag', async () => {
    const r = await runCli(['profile', 'add', 'x', '--app-id', 'abcd1234', '--app-key', KEY], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--app-key'");
    expect(r.stderr).not.toContain(KEY);
  });

  it.each([
    [['bad name!', '--app-id', 'abcd1234', '--app-key-stdin'], /<name> "bad name!"/],
    [['x', '--app-id', 'a b', '--app-key-stdin'], /--app-id: the app id/],
    [['x', '--app-key-stdin'], /--app-id is required \(no prompt: not a terminal\)/],
    [['x', '--app-id', 'abcd1234'], /no app key: use --app-key-stdin or ENABLEX_APP_KEY/],
  ])('exit 2 for %j', async (args, message) => {
    const r = await runCli(['profile', 'add', ...args], { env: env(), stdin: `${KEY}\n` });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('refuses to replace a profile without --yes', async () => {
    await add('p');
    const again = await add('p');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('add --yes to replace it');
    expect((await add('p', ['--yes'])).code).toBe(0);
  });
});

describe('profile list, show, use, remove', () => {
  beforeEach(async () => {
    await add('one');
    const two = await add('two', ['--recording-user', 'rec'], { ENABLEX_RECORDING_PASSWORD: 'RecordingPw1' });
    expect(two.code).toBe(0);
  });

  it('lists without secrets', async () => {
    const r = await runCli(['profile', 'list', '-o', 'json'], {
      env: env({ ENABLEX_RECORDING_PASSWORD: 'recpw' }),
    });
    const rows = JSON.parse(r.stdout);
    expect(rows.map((p: { name: string }) => p.name)).toEqual(['one', 'two']);
    expect(rows[0]).toMatchObject({ default: true, app_key: 'set' });
    expect(r.stdout).not.toContain(KEY);
  });

  it('shows one profile without secrets', async () => {
    const r = await runCli(['profile', 'show', 'two'], { env: env() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^recording_password\s+set$/m);
    expect(r.stdout).not.toContain(KEY);
    expect(r.stdout).not.toContain('RecordingPw1');
  });

  it('switches the default and the next call uses it', async () => {
    expect((await runCli(['profile', 'use', 'two'], { env: env() })).code).toBe(0);
    nock('https://api.enablex.io')
      .get('/video/v2/rooms')
      .basicAuth({ user: '5f3b2c1a9d8e7f6a5b4c3d2e', pass: KEY })
      .reply(200, { result: 0, rooms: [] });
    expect((await runCli(['room', 'list'], { env: env() })).code).toBe(0);
  });

  it('an explicit --profile beats env credentials', async () => {
    nock(API_ORIGIN)
      .get('/video/v2/rooms')
      .basicAuth({ user: '5f3b2c1a9d8e7f6a5b4c3d2e', pass: KEY })
      .reply(200, { result: 0, rooms: [] });
    const r = await runCli(['room', 'list', '--profile', 'one', '--base-url', `${API_ORIGIN}/video/v2`], {
      env: env({ ENABLEX_APP_ID: 'other', ENABLEX_APP_KEY: 'otherkey' }),
    });
    expect(r.code).toBe(0);
  });

  it('an unknown --profile exits 3 and lists the known ones', async () => {
    const r = await runCli(['room', 'list', '--profile', 'nope'], { env: env() });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('Known profiles: one, two');
  });

  it.each([
    ['use', 'constructor'],
    ['use', 'toString'],
    ['remove', 'hasOwnProperty'],
    ['show', 'valueOf'],
  ])('profile %s %s: an Object.prototype name does not exist (exit 3)', async (verb, name) => {
    const r = await runCli(['profile', verb, name, '--yes'], { env: env() });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`profile "${name}" does not exist.`);
    expect(r.stderr).toContain('Known profiles: one, two.');
    const saved = JSON.parse(readFileSync(join(cfg.dir, 'config.json'), 'utf8'));
    expect(saved.defaultProfile).toBe('one');
    expect(Object.keys(saved.profiles)).toEqual(['one', 'two']);
  });

  it.each([['use'], ['remove'], ['show']])('profile %s rejects a malformed name (exit 2)', async (verb) => {
    const r = await runCli(['profile', verb, '__proto__', '--yes'], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('<name> "__proto__" must be letters, digits');
  });

  it('profile show names ENABLEX_PROFILE when that is where a malformed name came from', async () => {
    const r = await runCli(['profile', 'show'], { env: env({ ENABLEX_PROFILE: 'a b' }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ENABLEX_PROFILE "a b" must be letters, digits');
  });

  it('--profile toString exits 3 before any request (no undefined credentials sent)', async () => {
    const r = await runCli(['room', 'list', '--profile', 'toString'], { env: env() });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('profile "toString" (from --profile) does not exist');
  });

  it('--profile with a malformed name exits 2 naming the flag', async () => {
    const r = await runCli(['room', 'list', '--profile', '../x'], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--profile "../x" must be letters, digits');
  });

  it('removes with --yes only when not on a terminal', async () => {
    expect((await runCli(['profile', 'remove', 'one'], { env: env() })).code).toBe(2);
    expect((await runCli(['profile', 'remove', 'one', '--yes'], { env: env() })).code).toBe(0);
    expect(JSON.parse((await runCli(['profile', 'list', '--json'], { env: env() })).stdout)).toHaveLength(1);
  });

  it('warns when the file is readable by others', async () => {
    chmodSync(join(cfg.dir, 'config.json'), 0o644);
    const r = await runCli(['profile', 'list'], { env: env() });
    expect(r.stderr).toMatch(/readable by other users \(mode 644\).*chmod 600/);
  });
});

describe('a secret given as a flag', () => {
  it.each([
    ['--app-key=SuperSecretValue123', /Hint: .*--app-key-stdin/],
    [
      '--recording-password=SuperSecretValue123',
      /Hint: .*--recording-password-stdin .*ENABLEX_RECORDING_PASSWORD/,
    ],
  ])('%s is refused without echoing the value, with the hint for that secret', async (flag, hint) => {
    const r = await runCli(['profile', 'add', 'x', '--app-id', 'abcd1234', flag], {
      env: { ENABLEX_CONFIG_DIR: '/nonexistent' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('SuperSecretValue123');
    expect(r.stderr).toMatch(/secrets are never taken as flags/);
    expect(r.stderr).toMatch(hint);
    if (flag.startsWith('--recording')) expect(r.stderr).not.toContain('app key');
    expect(r.stderr).not.toContain('Did you mean');
  });
});

describe('a broken config folder or file is a configuration error (exit 3), never a bug', () => {
  it('a config file that is not JSON names the file', async () => {
    writeFileSync(join(cfg.dir, 'config.json'), '{bad');
    const r = await runCli(['profile', 'list'], { env: env() });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/the profile file .*config\.json cannot be read/);
    expect(r.stderr).not.toContain('bug');
  });

  it.each([
    ['a file in the way', () => join(cfg.dir, 'config.json', 'sub'), /is not a folder/],
    ['a folder that cannot be made', () => '/proc/enablex-test/sub', /cannot be created/],
  ])('%s', async (_n, dir, message) => {
    writeFileSync(join(cfg.dir, 'config.json'), '{}');
    const r = await runCli(['profile', 'list'], { env: env({ ENABLEX_CONFIG_DIR: dir() }) });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('Hint: Set ENABLEX_CONFIG_DIR');
  });
});
