import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { DEV_CREDENTIALS } from '../../src/emulator/index.js';
import { publicAddress } from '../../src/emulator/host-check.js';
import { makeContext } from '../helpers/cli.js';
import { at, AUTH, cli, DEV_ENV, start, stopAll, tempDir } from './helpers.js';
import { until } from '../helpers/until.js';

const dirs: (() => void)[] = [];
afterEach(async () => {
  await stopAll();
  for (const cleanup of dirs.splice(0)) cleanup();
});

describe('enablex emulator (serve)', () => {
  it('prints the base URL on stdout, how to use it on stderr, logs requests, and exits 0 on Ctrl-C', async () => {
    const controller = new AbortController();
    const ctx = makeContext({ env: {}, signal: controller.signal });
    const running = run(['emulator', '--port', '0', '--seed', 'demo'], ctx);
    await until('the emulator output', () => ctx.out.text.includes('\n'));
    const baseUrl = ctx.out.text.trim();
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/video\/v2$/);
    expect((await fetch(`${baseUrl}/rooms`, { headers: { authorization: AUTH } })).status).toBe(200);
    await until('the emulator output', () => ctx.err.text.includes('GET /video/v2/rooms 200'));
    controller.abort(new Error('received SIGINT'));
    expect(await running).toBe(0);
    expect(ctx.out.text).toBe(`${baseUrl}\n`);
    expect(ctx.err.text).toContain(
      `export ENABLEX_BASE_URL=${baseUrl} ENABLEX_APP_ID=${DEV_CREDENTIALS.appId} ENABLEX_APP_KEY=${DEV_CREDENTIALS.appKey}`,
    );
    expect(ctx.err.text).toContain(`ENABLEX_RECORDING_PASSWORD=${DEV_CREDENTIALS.recordingPassword}`);
    expect(ctx.err.text).toMatch(/GET \/video\/v2\/rooms 200 \d+ms/);
    expect(ctx.err.text).toContain('Emulator stopped.');
    await expect(fetch(`${baseUrl}/rooms`)).rejects.toThrow();
  });

  it('--host 0.0.0.0 warns, prints an address other machines can use, and that address is answered', async () => {
    const controller = new AbortController();
    const ctx = makeContext({ env: {}, signal: controller.signal });
    const running = run(['emulator', '--host', '0.0.0.0', '--port', '0'], ctx);
    await until('the emulator output', () => ctx.out.text.includes('\n') && ctx.err.text.includes('Ctrl-C'));
    const baseUrl = ctx.out.text.trim();
    expect(baseUrl).not.toContain('0.0.0.0');
    const lan = publicAddress();
    if (lan) expect(new URL(baseUrl).hostname).toBe(lan);
    expect(ctx.err.text).toMatch(/--host 0\.0\.0\.0 serves every network .*public development credentials/);
    expect((await fetch(`${baseUrl}/rooms`, { headers: { authorization: AUTH } })).status).toBe(200);
    controller.abort(new Error('received SIGINT'));
    expect(await running).toBe(0);
  });

  it('--host 0.0.0.0: the printed setup lines work as printed, --insecure included when the address is not loopback', async () => {
    const controller = new AbortController();
    const ctx = makeContext({ env: {}, signal: controller.signal });
    const running = run(['emulator', '--host', '0.0.0.0', '--port', '0'], ctx);
    await until('the emulator output', () => ctx.out.text.includes('\n') && ctx.err.text.includes('Ctrl-C'));
    const exported = /export (ENABLEX_BASE_URL=.*)$/m.exec(ctx.err.text)?.[1] ?? '';
    const env = Object.fromEntries(
      [...exported.matchAll(/(ENABLEX_\w+)=('[^']*'|\S+)/g)].map((m) => [m[1]!, m[2]!.replace(/^'|'$/g, '')]),
    );
    expect(env['ENABLEX_BASE_URL']).toBe(ctx.out.text.trim());
    const remote = !/^http:\/\/(127\.|localhost|\[::1\])/.test(env['ENABLEX_BASE_URL'] ?? '');
    if (remote) {
      expect(ctx.err.text).toContain('add --insecure to every command');
      const refused = await cli(['room', 'list'], env);
      expect([refused.code, refused.stderr]).toEqual([2, expect.stringMatching(/not loopback/)]);
      expect((await cli(['--insecure', 'room', 'list'], env)).code).toBe(0);
    } else {
      expect(ctx.err.text).not.toContain('--insecure');
      expect((await cli(['room', 'list'], env)).code).toBe(0);
    }
    controller.abort(new Error('received SIGINT'));
    expect(await running).toBe(0);
  });

  it('refuses --allow-host without a usable name', async () => {
    const r = await cli(['emulator', '--port', '0', '--allow-host', 'a b']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--allow-host takes a host name');
  });

  it('refuses a --seed other than demo, naming the flag, before starting (exit 2)', async () => {
    const r = await cli(['emulator', '--port', '0', '--seed', 'big']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--seed');
    expect(r.stderr).toContain('Allowed choices are demo');
    expect(r.stdout).toBe('');
  });

  it('never prints credentials that come from the environment; -q silences the notes and the log', async () => {
    const controller = new AbortController();
    const env = {
      ENABLEX_APP_ID: 'a'.repeat(24),
      ENABLEX_APP_KEY: 'secretsecretsecretsecretsecretsecret',
      ENABLEX_RECORDING_USER: 'rec',
      ENABLEX_RECORDING_PASSWORD: 'recsecret',
    };
    const loud = makeContext({ env, signal: controller.signal });
    const running = run(['emulator', '--port', '0'], loud);
    await until('the emulator output', () => loud.err.text.includes('Ctrl-C'));
    controller.abort();
    expect(await running).toBe(0);
    expect(loud.err.text).not.toContain('secretsecret');
    expect(loud.err.text).not.toContain('recsecret');
    expect(loud.err.text).toContain(
      '(it accepts ENABLEX_APP_ID / ENABLEX_APP_KEY from its environment; not shown)',
    );

    const quiet = new AbortController();
    const ctx = makeContext({ env: {}, signal: quiet.signal });
    const q = run(['emulator', '--port', '0', '-q'], ctx);
    await until('the emulator output', () => ctx.out.text.includes('\n'));
    await fetch(`${ctx.out.text.trim()}/rooms`, { headers: { authorization: AUTH } });
    quiet.abort();
    expect(await q).toBe(0);
    expect(ctx.err.text).toBe('');
  });

  it('says which flag to change when the port is taken (exit 2)', async () => {
    const h = await start();
    const res = await cli(['emulator', '--port', String(h.emu.port)]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`port ${h.emu.port} on 127.0.0.1 is already in use`);
  });
});

describe('enablex emulator simulate / end / join / faults / status', () => {
  it('drive a running emulator found through ENABLEX_BASE_URL', async () => {
    const h = await start();
    const env = { ...DEV_ENV, ENABLEX_BASE_URL: h.emu.baseUrl };
    const room = await h.room();
    const live = await cli(['emulator', 'simulate', room, '--live', '--users', '2', '-o', 'json'], env);
    expect(live.code).toBe(0);
    expect(JSON.parse(live.stdout)).toMatchObject({ room_id: room, live: true, total: 2 });
    expect(at((await h.api('GET', `/rooms/${room}/users`)).body, 'total')).toBe(2);
    const ended = await cli(['emulator', 'end', room, '-q'], env);
    expect([ended.code, ended.stdout.trim()]).toEqual([0, JSON.parse(live.stdout).conf_num]);
    const finished = await cli(['emulator', 'simulate', room, '--minutes', '30'], env);
    expect(finished.stderr).toContain('Recorded a 30-minute session');
    expect(finished.stdout).toContain('moderator');
    const token = at(
      (await h.api('POST', `/rooms/${room}/tokens`, { name: 'Ann', role: 'viewer', user_ref: 'a' })).body,
      'token',
    );
    const joined = await cli(['emulator', 'join', String(token), '-o', 'json'], env);
    expect(JSON.parse(joined.stdout)).toMatchObject({ room_id: room, user: { name: 'Ann', role: 'viewer' } });
    const again = await cli(['emulator', 'join', String(token)], env);
    expect(again.code).toBe(1);
    // The token was spent: the hint says so, not the API-wide one about rights.
    expect(again.stderr).toContain('already used or expired');
    expect(again.stderr).not.toContain('rights');
    expect(
      (await cli(['emulator', 'faults', '--fail-first', '1', '--fail-status', '429'], env)).stderr,
    ).toContain('Faults set: first 1 requests fail (429)');
    expect((await h.api('GET', '/rooms')).status).toBe(429);
    expect((await cli(['emulator', 'faults', '--clear'], env)).code).toBe(0);
    const status = await cli(['emulator', 'status', '-o', 'json'], env);
    expect(JSON.parse(status.stdout)).toMatchObject({ rooms: 1, cdr: 5, archive: 2 });
  });

  it('work with --emulator: the in-process emulator keeps its state in the config folder', async () => {
    const { dir, cleanup } = tempDir();
    dirs.push(cleanup);
    const env = { ENABLEX_CONFIG_DIR: dir };
    const rooms = await cli(['--emulator', 'emulator', 'status', '-o', 'json'], env);
    expect(JSON.parse(rooms.stdout).rooms).toBe(4);
    const created = await cli(
      ['--emulator', 'room', 'create', '--name', 'Mine', '--owner-ref', 'me', '-q'],
      env,
    );
    const room = created.stdout.trim();
    expect(room).toMatch(/^[0-9a-f]{24}$/);
    expect(
      (await cli(['--emulator', 'emulator', 'simulate', room, '--live', '--users', '3'], env)).code,
    ).toBe(0);
    const users = await cli(['--emulator', 'users', room, '-o', 'json'], env);
    expect(JSON.parse(users.stdout)).toHaveLength(3);
    const del = await cli(['--emulator', 'room', 'delete', room, '--yes'], env);
    expect(del.code).toBe(1);
    expect((await cli(['--emulator', 'emulator', 'end', room], env)).code).toBe(0);
    expect((await cli(['--emulator', 'room', 'delete', room, '--yes'], env)).code).toBe(0);
  });

  it('explain when the server is not an emulator, and refuse bad flags before sending', async () => {
    const plain = createServer((_req, res) => res.writeHead(404).end('{}'));
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
    const port = (plain.address() as { port: number }).port;
    try {
      const res = await cli(['emulator', 'status'], {
        ...DEV_ENV,
        ENABLEX_BASE_URL: `http://127.0.0.1:${port}/video/v2`,
      });
      expect(res.code).toBe(4);
      expect(res.stderr).toContain('is not an enablex emulator');
    } finally {
      plain.close();
    }
    expect((await cli(['emulator', 'simulate', 'abc', '--users', '0'], DEV_ENV)).code).toBe(2);
    expect((await cli(['emulator', 'simulate', '../x'], DEV_ENV)).code).toBe(2);
    expect((await cli(['emulator', 'faults', '--clear', '--latency', '5'], DEV_ENV)).code).toBe(2);
  });
});

describe('enablex emulator --state problems', () => {
  it('are usage errors (exit 2) that name the flag', async () => {
    const { dir, cleanup } = tempDir();
    dirs.push(cleanup);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${dir}/bad.json`, '{oops');
    const corrupt = await cli(['emulator', '--port', '0', '--state', `${dir}/bad.json`]);
    expect([corrupt.code, corrupt.stderr]).toEqual([2, expect.stringContaining('--state: ') as string]);
    writeFileSync(`${dir}/file`, '');
    const notDir = await cli(['emulator', '--port', '0', '--state', `${dir}/file/state.json`]);
    expect(notDir.code).toBe(2);
    expect(notDir.stderr).toContain('cannot use it');
  });
});
