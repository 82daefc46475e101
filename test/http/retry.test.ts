import { describe, expect, it } from 'vitest';
import { NetworkError } from '../../src/lib/errors.js';
import { backoffMs, mayRetry, retryAfterMs, retrying, type Failure } from '../../src/http/retry.js';

describe('retryAfterMs and backoffMs', () => {
  it.each([
    ['3', 3000],
    ['0', 0],
    ['999999', 60000],
    ['0x5', undefined],
    ['1e3', undefined],
    ['nope', undefined],
    [undefined, undefined],
  ])('Retry-After %s -> %s', (h, ms) => {
    expect(retryAfterMs(h as string | undefined)).toBe(ms);
  });

  it('reads an HTTP date', () => {
    const now = Date.parse('2026-11-29T12:00:00Z');
    expect(retryAfterMs('Sun, 29 Nov 2026 12:00:05 GMT', now)).toBe(5000);
  });

  it('grows and caps the backoff', () => {
    expect(backoffMs(0, () => 1)).toBe(500);
    expect(backoffMs(3, () => 0)).toBe(2000);
    expect(backoffMs(10, () => 1)).toBe(8000);
  });
});

describe('mayRetry: the one policy', () => {
  const error = new Error('x');
  it.each<[string, Failure, boolean]>([
    ['GET', { error, status: 503 }, true],
    ['GET', { error, status: 404 }, false],
    ['POST', { error, status: 500 }, false],
    ['POST', { error, status: 429 }, true],
    ['GET', { error, status: 200, unreadable: true }, true],
    ['POST', { error, status: 200, unreadable: true }, false],
    ['GET', { error, code: 'ECONNRESET' }, true],
    ['POST', { error, code: 'ECONNRESET' }, false],
    ['POST', { error, code: 'ECONNREFUSED' }, true],
    ['GET', { error, code: 'ERR_TLS_CERT_ALTNAME_INVALID' }, false],
    ['GET', { error, transient: true }, true],
    ['GET', { error }, false],
  ])('%s %o -> %s', (method, failure, expected) => {
    expect(mayRetry(method, failure)).toBe(expected);
  });
});

describe('retrying: the one loop', () => {
  const stopped = () => new Error('stopped');
  function setup(over: { log?: boolean } = {}) {
    const waits: number[] = [];
    const logged: string[] = [];
    const notices: string[] = [];
    const options = {
      retries: 2,
      sleep: async (ms: number) => void waits.push(ms),
      random: () => 0.5,
      log: over.log ? (l: string) => logged.push(l) : undefined,
      notice: (l: string) => notices.push(l),
    };
    return { waits, logged, notices, options };
  }

  it('waits Retry-After when given, else the jittered backoff, and logs each retry', async () => {
    const { waits, logged, options } = setup({ log: true });
    const failures: Failure[] = [
      { error: new Error('busy'), status: 503, retryAfterMs: 7000 },
      { error: new Error('reset'), code: 'ECONNRESET' },
    ];
    let n = 0;
    const result = await retrying(
      options,
      { method: 'GET', what: 'GET /x', stopped },
      async () => {
        if (n < failures.length) throw failures[n++];
        return 'ok';
      },
      (err) => err as Failure,
    );
    expect(result).toBe('ok');
    expect(waits).toEqual([7000, backoffMs(1, () => 0.5)]);
    expect(logged).toEqual([
      '! retrying in 7000 ms (attempt 2 of 3): busy',
      `! retrying in ${backoffMs(1, () => 0.5)} ms (attempt 3 of 3): reset`,
    ]);
  });

  it('announces a wait over 3 s when the log is off, and throws the last failure', async () => {
    const { notices, options } = setup();
    const failure = { error: new NetworkError('busy'), status: 429, retryAfterMs: 5000 };
    await expect(
      retrying(
        options,
        { method: 'POST', what: 'POST /x', stopped },
        async () => {
          throw failure;
        },
        (err) => err as Failure,
      ),
    ).rejects.toBe(failure.error);
    expect(notices).toEqual([
      'Waiting 5 s before retrying POST /x (attempt 2 of 3): busy',
      'Waiting 5 s before retrying POST /x (attempt 3 of 3): busy',
    ]);
  });

  it('stops at once when the wait is interrupted: one attempt, one wait given the signal, cut short', async () => {
    const controller = new AbortController();
    let tries = 0;
    const waits: { ms: number; signal: AbortSignal | undefined }[] = [];
    const options = {
      retries: 5,
      sleep: (ms: number, signal?: AbortSignal) => {
        waits.push({ ms, signal });
        // A wait that cannot be interrupted ends at once here, so a loop that does not hand on its
        // signal goes on to the next attempt and the test sees it. A wait given the signal ends only
        // when it aborts (no clock involved): a loop that ignored the abort would hang the test.
        if (!signal) return Promise.resolve();
        const waiting = new Promise<void>((_, reject) => {
          signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
        });
        queueMicrotask(() => controller.abort());
        return waiting;
      },
    };
    await expect(
      retrying(
        options,
        { method: 'GET', what: 'GET /x', signal: controller.signal, stopped },
        async () => {
          tries++;
          throw new Error('busy');
        },
        (err) => ({ error: err as Error, status: 503, retryAfterMs: 60_000 }),
      ),
    ).rejects.toThrow(/^stopped$/);
    expect(tries).toBe(1);
    expect(waits).toEqual([{ ms: 60_000, signal: controller.signal }]);
  });

  it('stops at once when interrupted during an attempt: the failure is not judged, no wait starts', async () => {
    const controller = new AbortController();
    let judged = 0;
    const waits: number[] = [];
    await expect(
      retrying(
        { retries: 5, sleep: async (ms: number) => void waits.push(ms) },
        { method: 'GET', what: 'GET /x', signal: controller.signal, stopped },
        async () => {
          controller.abort();
          throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
        },
        (err) => {
          judged++;
          return { error: err as Error, code: 'ECONNRESET' };
        },
      ),
    ).rejects.toThrow(/^stopped$/);
    expect(judged).toBe(0);
    expect(waits).toEqual([]);
  });

  it('makes no attempt when already interrupted', async () => {
    let tries = 0;
    await expect(
      retrying(
        { retries: 5, sleep: async () => undefined },
        { method: 'GET', what: 'GET /x', signal: AbortSignal.abort(), stopped },
        async () => void tries++,
        (err) => ({ error: err as Error }),
      ),
    ).rejects.toThrow(/^stopped$/);
    expect(tries).toBe(0);
  });
});
