import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEV_CREDENTIALS, startEmulator } from '../../src/emulator/index.js';
import { at, list, start, stopAll, tempDir } from './helpers.js';

const dirs: (() => void)[] = [];
afterEach(async () => {
  await stopAll();
  for (const cleanup of dirs.splice(0)) cleanup();
});

function stateFile(): string {
  const { dir, cleanup } = tempDir();
  dirs.push(cleanup);
  return join(dir, 'sub', 'state.json');
}

describe('--state', () => {
  it('survives a restart: rooms, sessions, CDR', async () => {
    const statePath = stateFile();
    const first = await start({ statePath });
    const id = await first.room();
    await first.control('POST', `/rooms/${id}/simulate`, { users: 2 });
    await first.control('POST', `/rooms/${id}/simulate`, { users: 1, live: true });
    await first.emu.close();
    const second = await start({ statePath });
    expect(list((await second.api('GET', '/rooms')).body, 'rooms')).toHaveLength(1);
    expect(list((await second.api('GET', `/cdr/room/${id}`)).body, 'cdr')).toHaveLength(2);
    expect(at((await second.api('GET', `/rooms/${id}/users`)).body, 'total')).toBe(1);
  });

  it('writes atomically (no temp files left) with mode 0600', async () => {
    const statePath = stateFile();
    const h = await start({ statePath });
    await Promise.all(Array.from({ length: 5 }, () => h.room()));
    const dir = join(statePath, '..');
    expect(readdirSync(dir)).toEqual(['state.json']);
    expect(JSON.parse(readFileSync(statePath, 'utf8'))).toHaveProperty('version', 1);
    const { statSync } = await import('node:fs');
    expect(statSync(statePath).mode & 0o777).toBe(0o600);
  });

  it('loses nothing with several emulator processes writing one file at once (3 x 20 creates)', async () => {
    const statePath = stateFile();
    const servers = await Promise.all([1, 2, 3].map(() => start({ statePath })));
    const created = await Promise.all(
      servers.flatMap((h, n) =>
        Array.from({ length: 20 }, (_, i) => h.room({ name: `room ${n}-${i}`, owner_ref: 'x' })),
      ),
    );
    expect(new Set(created).size).toBe(60);
    for (const h of servers) expect(list((await h.api('GET', '/rooms')).body, 'rooms')).toHaveLength(60);
  });

  it('breaks a stale lock left by a crashed process', async () => {
    const statePath = stateFile();
    const h = await start({ statePath });
    writeFileSync(`${statePath}.lock`, 'dead-process');
    const old = new Date(Date.now() - 10_000);
    utimesSync(`${statePath}.lock`, old, old);
    expect(await h.room()).toMatch(/^[0-9a-f]{24}$/);
  });

  it('refuses to start on a file that is not an emulator state', async () => {
    const statePath = stateFile();
    const h = await start({ statePath });
    await h.emu.close();
    writeFileSync(statePath, '{not json');
    await expect(
      startEmulator({ host: '127.0.0.1', port: 0, statePath, credentials: DEV_CREDENTIALS }),
    ).rejects.toThrow(/not valid JSON/);
    writeFileSync(statePath, '{"rooms": []}');
    await expect(
      startEmulator({ host: '127.0.0.1', port: 0, statePath, credentials: DEV_CREDENTIALS }),
    ).rejects.toThrow(/not an emulator state/);
  });

  it('seeds demo data only into a new state, so later runs keep the user changes', async () => {
    const statePath = stateFile();
    const first = await start({ statePath, seed: 'demo' });
    const rooms = list((await first.api('GET', '/rooms')).body, 'rooms');
    expect(rooms.length).toBeGreaterThan(0);
    for (const r of rooms) await first.api('DELETE', `/rooms/${String(at(r, 'room_id'))}`);
    await first.emu.close();
    const second = await start({ statePath, seed: 'demo' });
    expect(list((await second.api('GET', '/rooms')).body, 'rooms')).toHaveLength(0);
  });
});
