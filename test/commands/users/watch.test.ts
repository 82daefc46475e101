import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli.js';
import { API_ORIGIN, TEST_ENV, TEST_NOW, makeContext } from '../../helpers/cli.js';
import { useNock } from '../../helpers/nock.js';

useNock();

const ROOM = '5f3b2c1a9d8e7f6a5b4c3d2e';
const PATH = `/video/v2/rooms/${ROOM}/users`;
const ANN = { name: 'Ann', user_ref: 'u-1', role: 'moderator' };
const BOB = { name: 'Bob', user_ref: 'u-2', role: 'participant' };
const users = (...list: object[]) => ({ result: 0, total: list.length, users: list });

/**
 * Runs `argv` with a clock that moves one second per sleep and a Ctrl-C after `polls` sleeps, so a
 * watch runs a fixed number of rounds instantly.
 */
async function watch(
  argv: string[],
  polls: number,
  opts: { tty?: boolean; stderrTTY?: boolean; env?: Record<string, string> } = {},
) {
  const controller = new AbortController();
  const base = makeContext({
    env: { ...TEST_ENV, ...opts.env },
    signal: controller.signal,
    stdoutTTY: opts.tty,
    stderrTTY: opts.stderrTTY,
  });
  let t = TEST_NOW.getTime();
  const sleeps: number[] = [];
  const ctx = {
    ...base,
    now: () => new Date(t),
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
      if (sleeps.length >= polls) controller.abort(new Error('received SIGINT'));
    },
  };
  const code = await run([...argv, '--retries', '0'], ctx);
  return { code, stdout: base.out.text, stderr: base.err.text, sleeps };
}

describe('users --watch, piped', () => {
  it('prints one NDJSON line per join and leave, stamped with the clock; Ctrl-C exits 0', async () => {
    nock(API_ORIGIN)
      .get(PATH)
      .reply(200, users(ANN))
      .get(PATH)
      .reply(200, users(ANN))
      .get(PATH)
      .reply(200, users(ANN, BOB))
      .get(PATH)
      .reply(200, users(BOB));
    const r = await watch(['users', ROOM, '--watch'], 4);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.sleeps).toEqual([2000, 2000, 2000, 2000]);
    expect(
      r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([
      { time: '2026-11-29T12:00:00.000Z', event: 'join', room_id: ROOM, user: ANN },
      { time: '2026-11-29T12:00:04.000Z', event: 'join', room_id: ROOM, user: BOB },
      { time: '2026-11-29T12:00:06.000Z', event: 'leave', room_id: ROOM, user: ANN },
    ]);
  });

  it('backs off on a server error, says so on stderr, and says when it is connected again', async () => {
    nock(API_ORIGIN)
      .get(PATH)
      .reply(200, users(ANN))
      .get(PATH)
      .reply(503, 'busy')
      .get(PATH)
      .replyWithError('socket hang up')
      .get(PATH)
      .reply(200, users());
    const r = await watch(['users', ROOM, '-w', '--interval', '3'], 4);
    expect(r.code).toBe(0);
    expect(r.sleeps).toEqual([3000, 6000, 12000, 3000]);
    expect(r.stderr).toMatch(/Warning: .*Still watching: next try in 6 s\./);
    expect(r.stderr).toMatch(/Warning: .*Still watching: next try in 12 s\./);
    expect(r.stderr).toContain('Connected again after 2 failed tries.');
    const events = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string });
    expect(events.map((e) => e.event)).toEqual(['join', 'leave']);
  });

  it('ends with exit 3 when the credentials are refused mid-watch', async () => {
    nock(API_ORIGIN)
      .get(PATH)
      .reply(200, users(ANN))
      .get(PATH)
      .reply(401, { result: '10000', error: 'Application not found', desc: '' });
    const r = await watch(['users', ROOM, '--watch'], 10);
    expect(r.code).toBe(3);
    expect(r.sleeps).toEqual([2000]);
  });

  it('-o json streams NDJSON lines too', async () => {
    nock(API_ORIGIN).get(PATH).reply(200, users(BOB));
    const r = await watch(['users', ROOM, '--watch', '-o', 'json'], 1);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ event: 'join', user: BOB });
  });
});

describe('users --watch with stderr a terminal and stdout piped', () => {
  it('writes no escape codes on stdout (NDJSON lines, no coloured header)', async () => {
    nock(API_ORIGIN).get(PATH).reply(200, users(ANN));
    const r = await watch(['users', ROOM, '--watch'], 1, { stderrTTY: true });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ event: 'join', user: ANN });
    expect(r.stdout).not.toContain('\x1b');
  });
});

describe('users --watch on a terminal', () => {
  it('redraws the table in place: moves up over exactly the lines it drew and clears below', async () => {
    nock(API_ORIGIN).get(PATH).reply(200, users(ANN)).get(PATH).reply(200, users(ANN, BOB));
    const r = await watch(['users', ROOM, '--watch'], 2, { tty: true });
    expect(r.code).toBe(0);
    const [first, second] = r.stdout.split('\x1b[3A\r\x1b[J');
    // Header (dimmed: stdout is a terminal), table header, Ann: three lines, then one erasure of those three.
    expect(first?.startsWith('\x1b[2m')).toBe(true);
    expect(first?.slice(4)).toMatch(
      /^Every 2s: room 5f3b2c1a9d8e7f6a5b4c3d2e, 1 user at 2026-11-29 12:00:00 UTC\./,
    );
    expect(first?.split('\n')).toHaveLength(4);
    expect(first).toContain('Ann');
    expect(second).toContain('2 users at 2026-11-29 12:00:02 UTC');
    expect(second).toMatch(/Ann[\s\S]*Bob/);
    expect(r.stdout).not.toContain('\x1b[2J');
  });

  it('colours the header by stdout: plain with --no-color or NO_COLOR, even with stderr a terminal', async () => {
    nock(API_ORIGIN).get(PATH).reply(200, users(ANN)).get(PATH).reply(200, users(ANN));
    const plain = await watch(['users', ROOM, '--watch', '--no-color'], 1, { tty: true, stderrTTY: true });
    expect(plain.stdout).toMatch(/^Every 2s: room/);
    const noColor = await watch(['users', ROOM, '--watch'], 1, {
      tty: true,
      stderrTTY: true,
      env: { NO_COLOR: '1' },
    });
    expect(noColor.stdout).toMatch(/^Every 2s: room/);
  });

  it('says when the room is empty', async () => {
    nock(API_ORIGIN).get(PATH).reply(200, users());
    const r = await watch(['users', ROOM, '--watch'], 1, { tty: true });
    expect(r.stdout).toContain('No session in progress: nobody is connected.');
  });
});

describe('users --watch: bad flags (exit 2, nothing sent)', () => {
  it.each([
    [['--watch', '--interval', '0.5'], '--interval must be a number of seconds from 1 to 3600 (got "0.5")'],
    [['--watch', '--interval', 'soon'], '--interval must be a number of seconds'],
    [['--interval', '5'], '--interval only applies with --watch'],
    [['--watch', '-o', 'csv'], '-o csv cannot stream changes'],
    [['--watch', '-q'], '--watch and -q/--quiet cannot be combined'],
  ])('%j', async (extra, message) => {
    const r = await watch(['users', ROOM, ...extra], 1);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
