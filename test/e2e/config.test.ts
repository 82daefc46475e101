import { statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoom, startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import { Outputs, tempDir } from './helpers/run.js';

/** Profiles, doctor and shell completion, as the built binary, against an in-process emulator. */
const out = new Outputs();
out.scan();
let t: TestEmulator;
const WRONG_KEY = 'badProfileKeyQ4w8E2r6T0y3U7i1O5p9A';
out.secret(WRONG_KEY);

beforeAll(async () => {
  t = await startTestEmulator({ outputs: out });
});

describe('profiles', () => {
  const home = tempDir('profiles');
  const configDir = join(home, 'enablex');
  /** No credentials in the environment: only the profile store. */
  const env = { HOME: home, ENABLEX_CONFIG_DIR: configDir };

  it('add (key from stdin), list, use, show, use against the emulator, --profile, remove', async () => {
    const add = (name: string, key: string, extra: string[] = []) =>
      out.run(
        [
          'profile',
          'add',
          name,
          '--app-id',
          t.creds.appId,
          '--app-key-stdin',
          '--base-url',
          t.emu.baseUrl,
          ...extra,
        ],
        {
          env,
          stdin: `${key}\n`,
        },
      );
    const work = await add('work', t.creds.appKey);
    expect(work.code, work.stderr).toBe(0);
    expect(work.stderr).toMatch(/Saved profile "work" .*127\.0\.0\.1:\d+ accepted its credentials/);
    // A wrong key is checked (one GET /rooms) and refused before it is saved; --no-verify saves it anyway.
    const refused = await add('broken', WRONG_KEY);
    expect(refused.code, refused.stderr).toBe(3);
    expect(refused.stderr).toContain('profile "broken" was not saved');
    const broken = await add('broken', WRONG_KEY, ['--no-verify']);
    expect(broken.code, broken.stderr).toBe(0);
    expect(statSync(join(configDir, 'config.json')).mode & 0o777).toBe(0o600);

    const use = await out.run(['profile', 'use', 'work'], { env });
    expect(use.code, use.stderr).toBe(0);
    const [list, show] = await Promise.all([
      out.run(['profile', 'list', '-o', 'json'], { env }),
      out.run(['profile', 'show', '-o', 'json'], { env }),
    ]);
    expect(list.code, list.stderr).toBe(0);
    const profiles = JSON.parse(list.stdout) as { name: string; default: boolean; app_key: string }[];
    expect(profiles.map((p) => [p.name, p.default]).sort()).toEqual([
      ['broken', false],
      ['work', true],
    ]);
    expect(profiles.every((p) => p.app_key === 'set')).toBe(true);
    expect(show.code, show.stderr).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({
      name: 'work',
      default: true,
      app_id: t.creds.appId,
      base_url: t.emu.baseUrl,
    });

    const room = await apiRoom(t, { name: 'Profile room' });
    const [viaDefault, viaFlag] = await Promise.all([
      out.run(['room', 'list', '-q'], { env }),
      // An explicit --profile beats credentials in the environment.
      out.run(['--profile', 'broken', 'room', 'list', '-q'], {
        env: { ...env, ENABLEX_APP_ID: t.creds.appId, ENABLEX_APP_KEY: t.creds.appKey },
      }),
    ]);
    expect(viaDefault.code, viaDefault.stderr).toBe(0);
    expect(viaDefault.stdout.split('\n')).toContain(room);
    expect(viaFlag.code, viaFlag.stderr).toBe(3);
    expect(viaFlag.stderr).toContain('result 10000');

    const remove = await out.run(['profile', 'remove', 'broken', '--yes'], { env });
    expect(remove.code, remove.stderr).toBe(0);
    const after = await out.run(['profile', 'list', '-o', 'json'], { env });
    expect((JSON.parse(after.stdout) as { name: string }[]).map((p) => p.name)).toEqual(['work']);
  });

  it('doctor passes with good credentials and names the key when it is wrong', async () => {
    const [good, bad] = await Promise.all([
      out.run(['doctor', '-o', 'json'], { env: t.env({ HOME: tempDir('doctor') }) }),
      out.run(['doctor'], { env: t.env({ ENABLEX_APP_KEY: WRONG_KEY }) }),
    ]);
    expect(good.code, good.stdout + good.stderr).toBe(0);
    const checks = JSON.parse(good.stdout) as { check: string; status: string }[];
    expect(checks.find((c) => c.check === 'api')?.status).toBe('ok');
    expect(checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(bad.code, bad.stderr).toBe(3);
    const failLine = bad.stdout.split('\n').find((l) => /fail/.test(l) && /api/.test(l));
    expect(failLine, bad.stdout).toMatch(/ENABLEX_APP_KEY/);
    expect(bad.stderr).toMatch(/check failed: api/);
  });
});

describe('completion', () => {
  it('bash prints a script that bash loads', async () => {
    const [script, loaded] = await Promise.all([
      out.run(['completion', 'bash']),
      out.bash('source <(enablex completion bash) && complete -p enablex'),
    ]);
    expect(script.code, script.stderr).toBe(0);
    expect(script.stdout).toMatch(/^# bash completion for enablex/);
    expect(script.stdout).toContain('room');
    expect(loaded.code, loaded.stderr).toBe(0);
    expect(loaded.stdout).toMatch(/^complete .*enablex$/m);
  });
});
