import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EmulatorControlError, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { AUTH, at, start, stopAll } from './helpers.js';
import { tempDir, removeTempDir } from '../helpers/temp.js';

afterEach(stopAll);

describe('the versioned control API', () => {
  it('serves every control route under /_emulator/v1 and still under /_emulator', async () => {
    const h = await start();
    for (const prefix of ['/_emulator/v1', '/_emulator']) {
      const res = await h.raw('GET', `${prefix}/status`, { headers: { authorization: AUTH } });
      expect([res.status, at(res.body, 'result')]).toEqual([200, 0]);
    }
    expect(h.emu.controlUrl).toBe(`${h.emu.origin}/_emulator/v1`);
  });

  it('refuses a clock jump past 10 years with 400 and a message, and the clock keeps working', async () => {
    const h = await start();
    for (const minutes of [1e300, -1e300, 10 * 366 * 24 * 60 + 1]) {
      const res = await h.control('POST', '/clock/advance', { minutes });
      expect(res.status).toBe(400);
      expect(String(at(res.body, 'error'))).toMatch(/minutes must be from/);
    }
    const ok = await h.control('POST', '/clock/advance', { minutes: 60 });
    expect(at(ok.body, 'now')).toBe('2026-11-29T13:00:00.000Z');
  });

  it('keeps the clock within 100 years in all', async () => {
    const h = await start();
    const year = 366 * 24 * 60;
    for (let i = 0; i < 10; i++)
      expect((await h.control('POST', '/clock/advance', { minutes: 10 * year })).status).toBe(200);
    const res = await h.control('POST', '/clock/advance', { minutes: 10 * year });
    expect([res.status, String(at(res.body, 'error'))]).toEqual([400, expect.stringMatching(/100 years/)]);
  });

  it('a --state emulator survives an out-of-range request and a state file written by an older release', async () => {
    const dir = tempDir('clock');
    try {
      const statePath = join(dir, 'state.json');
      const h = await start({ statePath });
      await h.control('POST', '/clock/advance', { minutes: 1e300 });
      expect((await h.api('GET', '/rooms')).status).toBe(200);
      await stopAll();
      // An offset no real date can carry, as an unbounded release could write.
      const state = JSON.parse(readFileSync(statePath, 'utf8')) as Record<string, unknown>;
      state['clockOffsetMs'] = 1e300;
      const { writeFileSync } = await import('node:fs');
      writeFileSync(statePath, JSON.stringify(state));
      const again = await start({ statePath });
      expect((await again.api('GET', '/rooms')).status).toBe(200);
      expect((await again.control('GET', '/status')).status).toBe(200);
    } finally {
      removeTempDir(dir);
    }
  });
});

describe('startEmulator() as a library', () => {
  let emu: RunningEmulator | undefined;
  afterEach(async () => {
    await emu?.close();
    emu = undefined;
  });

  it('starts with no options on a free loopback port, and drives the control API as functions', async () => {
    emu = await startEmulator();
    expect(emu.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/video\/v2$/);
    expect(emu.v1BaseUrl).toBe(`${emu.origin}/v1`);
    const auth = 'Basic ' + Buffer.from(`${emu.appId}:${emu.appKey}`).toString('base64');
    const created = (await (
      await fetch(`${emu.v1BaseUrl}/rooms/`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Lib', owner_ref: 'me' }),
      })
    ).json()) as { room: { room_id: string } };
    const id = created.room.room_id;
    expect((await emu.control.status()).rooms).toBe(1);
    const before = Date.parse((await emu.control.status()).now);
    const moved = await emu.control.advanceClock(90);
    expect(Date.parse(moved.now) - before).toBeGreaterThanOrEqual(90 * 60_000);
    await emu.control.simulate(id, { users: 2, minutes: 5 });
    expect((await emu.control.status()).cdr).toBe(2);
    await emu.control.setFaults({ failFirst: 1, failResult: '50001' });
    const failed = await fetch(`${emu.baseUrl}/rooms`, { headers: { authorization: auth } });
    expect([failed.status, ((await failed.json()) as { result: string }).result]).toEqual([200, '50001']);
    await emu.control.clearFaults();
    await emu.control.reset();
    expect((await emu.control.status()).rooms).toBe(0);
    await expect(emu.control.advanceClock(1e300)).rejects.toBeInstanceOf(EmulatorControlError);
  });
});
