import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { DEV_CREDENTIALS } from '../../src/emulator/index.js';
import { TEST_NOW, makeContext } from '../helpers/cli.js';
import { start, stopAll, type Harness } from './helpers.js';

afterEach(stopAll);

/** Runs `emulator status` against `h`; with --watch, `between[i]` runs after poll i and Ctrl-C after the last. */
async function status(h: Harness, argv: string[], between: (() => Promise<unknown>)[] = [], tty = false) {
  const controller = new AbortController();
  const env = {
    ENABLEX_APP_ID: DEV_CREDENTIALS.appId,
    ENABLEX_APP_KEY: DEV_CREDENTIALS.appKey,
    ENABLEX_BASE_URL: h.emu.baseUrl,
  };
  const base = makeContext({ env, signal: controller.signal, stdoutTTY: tty });
  let polls = 0;
  let t = TEST_NOW.getTime();
  const ctx = {
    ...base,
    now: () => new Date(t),
    sleep: async (ms: number) => {
      t += ms;
      await between[polls]?.();
      polls += 1;
      if (polls >= between.length) controller.abort(new Error('received SIGINT'));
    },
  };
  const code = await run(['emulator', 'status', ...argv, '--retries', '0'], ctx);
  return { code, stdout: base.out.text, stderr: base.err.text };
}

describe('emulator status', () => {
  it('shows the counts and the live sessions as a table on a terminal', async () => {
    const h = await start();
    const room = await h.room();
    await h.control('POST', `/rooms/${room}/simulate`, { users: 2, live: true });
    const r = await status(h, [], [], true);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Rooms: 1  Tokens: 2  CDR: 0  Archive: 0  Faults: none');
    expect(r.stdout).toMatch(
      new RegExp(`Live sessions: 1\\nroom_id\\s+conf_num\\s+users\\s+ends_at\\n${room}\\s+\\d+\\s+2\\s`),
    );
  });

  it('--watch piped prints the whole status once per change, not per tick', async () => {
    const h = await start();
    const room = await h.room();
    const r = await status(
      h,
      ['--watch', '--interval', '5'],
      [
        async () => undefined,
        () => h.control('POST', `/rooms/${room}/simulate`, { users: 2, live: true }),
        async () => undefined,
        () => h.control('POST', `/rooms/${room}/end`),
        async () => undefined,
      ],
    );
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l['time'], (l['live_sessions'] as unknown[]).length])).toEqual([
      ['2026-11-29T12:00:00.000Z', 0],
      ['2026-11-29T12:00:10.000Z', 1],
      ['2026-11-29T12:00:20.000Z', 0],
    ]);
    expect(lines[2]).toMatchObject({ rooms: 1, cdr: 2 });
  });

  it('--watch on a terminal dims its header by stdout, whatever stderr is', async () => {
    const h = await start();
    const r = await status(h, ['--watch'], [async () => undefined], true);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\x1b[2m')).toBe(true);
    expect(r.stdout.slice(4)).toMatch(/^Every 2s: emulator at http:\/\/127\.0\.0\.1:\d+\S*, /);
  });
});
