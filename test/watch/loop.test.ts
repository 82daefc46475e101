import { describe, expect, it } from 'vitest';
import { AuthError, NetworkError } from '../../src/lib/errors.js';
import { poll } from '../../src/watch/loop.js';
import { makeFactory } from '../helpers/factory.js';

/** A factory whose Ctrl-C comes after `fetches` fetches; each answer is taken from `answers`. */
function setup(answers: (() => unknown)[]) {
  const controller = new AbortController();
  const { f, ctx } = makeFactory({ signal: controller.signal });
  let calls = 0;
  const fetch = async () => {
    const answer = answers[calls++];
    if (calls >= answers.length) controller.abort(new Error('received SIGINT'));
    return answer?.();
  };
  return { f, ctx, fetch, calls: () => calls };
}

describe('poll', () => {
  it('shows each result at the clock time, waits the interval between, and stops on Ctrl-C', async () => {
    const { f, ctx, fetch } = setup([() => 1, () => 2, () => 3]);
    const shown: [unknown, string][] = [];
    await poll(f, { intervalMs: 2000, fetch, show: (v, at) => shown.push([v, at.toISOString()]) });
    expect(shown).toEqual([
      [1, '2026-11-29T12:00:00.000Z'],
      [2, '2026-11-29T12:00:00.000Z'],
      [3, '2026-11-29T12:00:00.000Z'],
    ]);
    // The wait after the last fetch is where Ctrl-C lands.
    expect(ctx.sleeps).toEqual([2000, 2000, 2000]);
    expect(ctx.err.text).toBe('');
  });

  it('backs off on network failures, says so, and says when it is connected again', async () => {
    const down = () => {
      throw new NetworkError('connect ECONNREFUSED 127.0.0.1:1');
    };
    const { f, ctx, fetch } = setup([down, down, () => 'ok']);
    const before: string[] = [];
    await poll(f, {
      intervalMs: 1000,
      fetch,
      show: () => undefined,
      beforeNotice: () => before.push(ctx.err.text),
    });
    // Doubling waits while down; the interval again once it answers.
    expect(ctx.sleeps).toEqual([2000, 4000, 1000]);
    expect(ctx.err.text).toContain('connect ECONNREFUSED 127.0.0.1:1 Still watching: next try in 2 s.');
    expect(ctx.err.text).toContain('next try in 4 s.');
    expect(ctx.err.text).toContain('Connected again after 2 failed tries.');
    // The frame is cleared before each of the three lines.
    expect(before).toHaveLength(3);
  });

  it('ends on any other error with that error', async () => {
    const refused = new AuthError('the credentials were refused.');
    const { f, fetch } = setup([
      () => {
        throw refused;
      },
      () => 'never',
    ]);
    await expect(poll(f, { intervalMs: 1000, fetch, show: () => undefined })).rejects.toBe(refused);
  });
});
