import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellQuote } from '../../src/lib/shell.js';
import { useTerminalEmulator } from './tmux.js';

/**
 * `room apply --prune` in a real terminal: the plan, then the confirmation a person answers before any
 * room is deleted. The built binary in tmux against a loopback emulator.
 */

const t = useTerminalEmulator('pty-apply');
/** The API under /video/v2, as a client calls it. */
const call = (method: string, path: string, body?: unknown) => t.call(method, `/video/v2${path}`, body);

const SETTINGS = {
  mode: 'group',
  scheduled: false,
  adhoc: false,
  moderators: '1',
  participants: '5',
  quality: 'SD',
};

/** Two live rooms of `owner`; the file lists only the first, so --prune plans to delete the second. */
async function setUp(owner: string): Promise<{ file: string; kept: string; pruned: string }> {
  const ids: string[] = [];
  for (const name of ['Kept', 'Pruned']) {
    const created = await call('POST', '/rooms', { name, owner_ref: owner, settings: SETTINGS });
    ids.push((created['room'] as { room_id: string }).room_id);
  }
  const file = join(t.cwd, `${owner}.json`);
  writeFileSync(file, JSON.stringify([{ name: 'Kept', owner_ref: owner, settings: SETTINGS }]));
  return { file, kept: ids[0] as string, pruned: ids[1] as string };
}

async function exists(id: string): Promise<boolean> {
  return (await call('GET', `/rooms/${id}`))['result'] === 0;
}

const start = (args: string) => t.start(args);

describe('room apply --prune in a terminal', { timeout: 60_000 }, () => {
  it('shows the plan and asks before deleting; "n" changes nothing and exits 0', async () => {
    const { file, kept, pruned } = await setUp('pty-no');
    const s = start(`room apply -f ${shellQuote(file)} --prune`);
    const screen = await s.waitFor('Apply this plan and delete 1 room? This cannot be undone.', 20_000);
    expect(screen).toContain('Pruned');
    s.answer('n');
    await s.waitFor('Nothing changed.');
    expect(await s.exitCode()).toBe(0);
    expect(await exists(pruned)).toBe(true);
    expect(await exists(kept)).toBe(true);
  });

  it('"y" deletes the room the file does not list, and only that one', async () => {
    const { file, kept, pruned } = await setUp('pty-yes');
    const s = start(`room apply -f ${shellQuote(file)} --prune`);
    await s.waitFor('Apply this plan and delete 1 room?', 20_000);
    s.answer('y');
    expect(await s.exitCode()).toBe(0);
    expect(s.screen()).toMatch(/deleted/i);
    expect(await exists(pruned)).toBe(false);
    expect(await exists(kept)).toBe(true);
  });

  it('Ctrl-C at the question exits 130 and deletes nothing', async () => {
    const { file, kept, pruned } = await setUp('pty-int');
    const s = start(`room apply -f ${shellQuote(file)} --prune`);
    await s.waitFor('Apply this plan and delete 1 room?', 20_000);
    s.press('C-c');
    expect(await s.exitCode()).toBe(130);
    expect(await exists(pruned)).toBe(true);
    expect(await exists(kept)).toBe(true);
  });
});
