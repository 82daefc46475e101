import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEV_CREDENTIALS } from '../../src/emulator/index.js';
import { spawnEmulator } from './helpers/child.js';
import { E2E_CREDENTIALS } from './helpers/emulator.js';
import { Outputs, spawnCaptured, tempDir } from './helpers/run.js';

/** `enablex emulator` as a child process, and `--emulator` mode as the README's quick start runs it. */
const out = new Outputs();
out.scan();
// The development credentials open only the local emulator, but no command may print them either
// (the `emulator` banner prints them only when none are given in its environment; here they are).
out.secret(
  E2E_CREDENTIALS.appKey,
  E2E_CREDENTIALS.recordingPassword,
  DEV_CREDENTIALS.appKey,
  DEV_CREDENTIALS.recordingPassword,
);
out.basicSecret(E2E_CREDENTIALS.appId, E2E_CREDENTIALS.appKey);

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const creds = {
  ENABLEX_APP_ID: E2E_CREDENTIALS.appId,
  ENABLEX_APP_KEY: E2E_CREDENTIALS.appKey,
  ENABLEX_RECORDING_USER: E2E_CREDENTIALS.recordingUser,
  ENABLEX_RECORDING_PASSWORD: E2E_CREDENTIALS.recordingPassword,
};

describe('enablex emulator (a child process)', () => {
  it('prints its base URL, serves the CLI, stops on SIGTERM or Ctrl-C with exit 0, and --state survives a restart', async () => {
    const dir = tempDir('emu-state');
    const state = join(dir, 'emulator.json');
    const args = ['--port', '0', '--seed', 'demo', '--state', state];

    const first = await spawnEmulator(args, { env: creds, outputs: out });
    expect(first.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/video\/v2$/);
    const env = { ...creds, ENABLEX_BASE_URL: first.baseUrl, ENABLEX_CONFIG_DIR: join(dir, 'cfg') };
    const created = await out.run(['room', 'create', '--name', 'Survivor', '--owner-ref', 'keep', '-q'], {
      env,
    });
    expect(created.code, created.stderr).toBe(0);
    const id = created.stdout.trim();
    const listed = await out.run(['room', 'list', '-o', 'json', '--fields', 'room_id,name'], { env });
    const before = JSON.parse(listed.stdout) as { room_id: string; name: string }[];
    expect(before.map((r) => r.name)).toEqual(expect.arrayContaining(['Team stand-up', 'Survivor']));

    const stopped = await first.stop();
    expect(stopped).toMatchObject({ code: 0, signal: null });
    expect(stopped.stdout).toBe(`${first.baseUrl}\n`);
    expect(stopped.stderr).toContain('not shown');
    expect(stopped.stderr).toContain('Emulator stopped.');
    expect(stopped.stderr).toMatch(/POST \/video\/v2\/rooms 200/);

    const second = await spawnEmulator(args, { env: creds, outputs: out });
    try {
      const env2 = { ...env, ENABLEX_BASE_URL: second.baseUrl };
      const [again, status] = await Promise.all([
        out.run(['room', 'list', '-o', 'json', '--fields', 'room_id,name'], { env: env2 }),
        out.run(['emulator', 'status', '-o', 'json'], { env: env2 }),
      ]);
      expect(again.code, again.stderr).toBe(0);
      // Same rooms: the new room is still there and the demo data was not seeded twice.
      expect(JSON.parse(again.stdout)).toEqual(before);
      expect(before.filter((r) => r.room_id === id)).toHaveLength(1);
      expect(status.code, status.stderr).toBe(0);
      expect(JSON.parse(status.stdout)).toMatchObject({ rooms: before.length, live_sessions: [] });
    } finally {
      // Ctrl-C stops it as cleanly as SIGTERM.
      const end = await second.stop('SIGINT');
      expect(end).toMatchObject({ code: 0, signal: null });
      expect(end.stderr).toContain('Emulator stopped.');
    }
  });
});

describe('enablex emulator with a hanging request', () => {
  it('still stops on SIGTERM with exit 0, cutting the hung connection', async () => {
    const child = await spawnEmulator(['--port', '0', '--hang-rate', '1'], { env: creds, outputs: out });
    const auth = Buffer.from(`${creds.ENABLEX_APP_ID}:${creds.ENABLEX_APP_KEY}`).toString('base64');
    const url = new URL(child.baseUrl);
    // A raw socket, so the test knows the request was sent before it stops the server.
    const socket = connect(Number(url.port), url.hostname);
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('error', () => undefined);
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
    await new Promise<void>((resolve) =>
      socket.write(
        `GET ${url.pathname}/rooms HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Basic ${auth}\r\n\r\n`,
        () => resolve(),
      ),
    );
    const end = await child.stop();
    expect(end).toMatchObject({ code: 0, signal: null });
    await closed;
  });
});

describe('--emulator mode', () => {
  const home = tempDir('quickstart');
  const env = { HOME: home, ENABLEX_CONFIG_DIR: join(home, 'enablex') };

  it("runs the README's quick start in bash: the room is listed and the token is JSON", async () => {
    const script =
      'ROOM=$(node bin/enablex.js --emulator room create --name "Daily standup" --owner-ref team-7 -q) && ' +
      'node bin/enablex.js --emulator room list && ' +
      'node bin/enablex.js --emulator token "$ROOM" --name Ann --user-ref ann-1 -o json';
    const r = await spawnCaptured('bash', ['-c', script], { env, cwd: REPO });
    out.record('quick start', r);
    expect(r.code, r.stderr).toBe(0);
    const json = r.stdout.slice(r.stdout.indexOf('\n{') + 1);
    const token = JSON.parse(json) as Record<string, string>;
    expect(token).toMatchObject({ role: 'participant', name: 'Ann', user_ref: 'ann-1' });
    expect(token['room_id']).toMatch(/^[0-9a-f]{24}$/);
    expect(token['token']).toMatch(/^[A-Za-z0-9+/=]{40,}$/);
    expect(Number.isNaN(Date.parse(token['expires_at'] ?? ''))).toBe(false);
    const table = r.stdout.slice(0, r.stdout.indexOf('\n{'));
    const row = table.split('\n').find((l) => l.startsWith(token['room_id'] ?? '-'));
    expect(row).toMatch(/Daily standup\s+team-7/);
    expect(table.split('\n')[0]).toMatch(/^room_id\s+name/);
    expect(r.stderr).toContain('Created a participant token for Ann');
  });

  it('two --emulator processes at once both persist their room in the shared state file', async () => {
    const [a, b] = await Promise.all([
      out.run(['--emulator', 'room', 'create', '--name', 'Parallel A', '--owner-ref', 'p', '-q'], { env }),
      out.run(['--emulator', 'room', 'create', '--name', 'Parallel B', '--owner-ref', 'p', '-q'], { env }),
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const ids = [a.stdout.trim(), b.stdout.trim()];
    expect(ids[0]).not.toBe(ids[1]);
    const state = JSON.parse(readFileSync(join(home, 'enablex', 'emulator-state.json'), 'utf8')) as {
      rooms: Record<string, unknown>;
    };
    for (const id of ids) expect(Object.keys(state.rooms)).toContain(id);
    const list = await out.run(['--emulator', 'room', 'list', '--owner-ref', 'p', '-q'], { env });
    expect(list.stdout.trim().split('\n').sort()).toEqual([...ids].sort());
  });
});
