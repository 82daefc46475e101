import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
// The published entry point: what your project imports after `npm install --save-dev enablex-cli`.
import { startEmulator, type RunningEmulator } from 'enablex-cli/emulator';
import { createMeeting, VideoApiError, type VideoConfig } from './video-service.js';

let emu: RunningEmulator;
let cfg: VideoConfig;

beforeAll(async () => {
  // A free loopback port, state in memory, fixed development credentials.
  emu = await startEmulator();
  cfg = { baseUrl: emu.baseUrl, appId: emu.appId, appKey: emu.appKey };
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.control.clearFaults();
  await emu.control.reset();
});

describe('createMeeting (my code) against the EnableX emulator', () => {
  it('creates a room and a moderator token', async () => {
    const { roomId, token } = await createMeeting(cfg, 'Weekly sync', 'alice');
    expect(roomId).toMatch(/^[0-9a-f]{24}$/);
    // EnableX tokens are base64 JSON naming their room.
    const payload = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as {
      roomMeta: { _id: string };
    };
    expect(payload.roomMeta._id).toBe(roomId);
    expect((await emu.control.status()).rooms).toBe(1);
  });

  it('surfaces the real "Failed to create Room" answer (result 50001 on HTTP 200)', async () => {
    await emu.control.setFaults({ failFirst: 1, failResult: '50001', match: 'POST' });
    await expect(createMeeting(cfg, 'Weekly sync', 'alice')).rejects.toMatchObject({
      name: VideoApiError.name,
      result: '50001',
      message: '[Reason] Failed to create Room',
    });
  });

  it('sees the calls of a session once it happened (simulated), an hour later', async () => {
    const { roomId } = await createMeeting(cfg, 'Weekly sync', 'alice');
    await emu.control.simulate(roomId, { users: 3, minutes: 20 });
    await emu.control.advanceClock(60);
    const status = await emu.control.status();
    expect(status.cdr).toBe(3);
  });
});
