import { describe, expect, it } from 'vitest';
import { useTerminalEmulator } from './tmux.js';

/**
 * `--watch` in a real terminal: the built binary in tmux against a loopback emulator, whose live
 * sessions the test starts and ends while the watch runs.
 */

const t = useTerminalEmulator('pty-watch');
const call = (method: string, path: string, body?: unknown) => t.call(method, path, body);

async function newRoom(name: string): Promise<string> {
  const created = await call('POST', '/video/v2/rooms', {
    name,
    owner_ref: 'pty',
    settings: {
      mode: 'group',
      scheduled: false,
      adhoc: false,
      moderators: '1',
      participants: '5',
      quality: 'SD',
    },
  });
  return (created['room'] as { room_id: string }).room_id;
}

const start = (args: string) => t.start(args);

const count = (text: string, what: string) => text.split(what).length - 1;

describe('--watch in a terminal', { timeout: 60_000 }, () => {
  it('users --watch redraws one table in place as people join and leave; Ctrl-C exits 0', async () => {
    const room = await newRoom('Watched');
    const s = start(`users ${room} --watch --interval 1`);
    await s.waitFor('nobody is connected', 20_000);
    await call('POST', `/_emulator/rooms/${room}/simulate`, { users: 2, live: true });
    await s.waitFor(/2 users at/);
    const live = s.visible();
    expect(live).toMatch(/moderator[\s\S]*participant/);
    expect(count(live, 'Every 1s: room')).toBe(1);
    await call('POST', `/_emulator/rooms/${room}/end`);
    const ended = await s.waitFor('0 users at', 10_000, true);
    // Every refresh erased the lines it drew before: one header and no table left on screen.
    expect(count(ended, 'Every 1s: room'), ended).toBe(1);
    expect(ended).not.toContain('moderator');
    s.press('C-c');
    expect(await s.exitCode()).toBe(0);
  });

  it('emulator status --watch shows live sessions as they start, in one frame', async () => {
    const room = await newRoom('Status');
    const s = start('emulator status --watch --interval 1');
    await s.waitFor('Every 1s: emulator at', 20_000);
    await call('POST', `/_emulator/rooms/${room}/simulate`, { users: 3, live: true });
    await s.waitFor(new RegExp(`Live sessions: 1[\\s\\S]*${room}`));
    const screen = s.visible();
    expect(count(screen, 'Every 1s: emulator at')).toBe(1);
    expect(count(screen, 'Clock: ')).toBe(1);
    await call('POST', `/_emulator/rooms/${room}/end`);
    s.press('C-c');
    expect(await s.exitCode()).toBe(0);
  });
});
