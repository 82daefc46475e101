import { gzipSync } from 'node:zlib';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createHttp } from '../../src/api/http.js';
import type { HttpOptions } from '../../src/api/request.js';
import { backoffMs } from '../../src/http/retry.js';
import { countingAgents } from '../helpers/agents.js';
import { normalizeBaseUrl } from '../../src/api/base-url.js';
import { ApiError, InterruptedError } from '../../src/lib/errors.js';
import { useNock } from '../helpers/nock.js';
import { STRADDLING, expectGraphemeCut } from '../helpers/graphemes.js';

useNock();

const ORIGIN = 'https://api.enablex.test';
/** A connection reset, as node reports it (nock needs an Error instance to fail at once). */
const reset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
const KEY = 'SuperSecretAppKey1234567890';
const FAILURE = { status: 200, method: 'GET', path: '/cdr', result: '10201', apiMessage: 'bad' };

function client(over: Partial<HttpOptions> = {}) {
  const sleeps: number[] = [];
  const lines: string[] = [];
  const http = createHttp({
    baseUrl: normalizeBaseUrl(`${ORIGIN}/video/v2`),
    appId: 'app123',
    appKey: KEY,
    userAgent: 'enablex-cli/1.2.3',
    timeoutMs: 2000,
    retries: 2,
    env: {},
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    log: (l) => lines.push(l),
    random: () => 0.5,
    ...over,
  });
  return { http, sleeps, lines };
}

describe('createHttp', () => {
  it('sends Basic auth, JSON headers and the user agent', async () => {
    nock(ORIGIN, {
      reqheaders: {
        authorization: `Basic ${Buffer.from(`app123:${KEY}`).toString('base64')}`,
        accept: 'application/json',
        'content-type': 'application/json',
        'user-agent': 'enablex-cli/1.2.3',
      },
    })
      .post('/video/v2/rooms', { name: 'x' })
      .reply(200, { result: 0, room: { room_id: 'r' } });
    const { http } = client();
    await expect(http.request({ method: 'POST', path: 'rooms', json: { name: 'x' } })).resolves.toEqual({
      result: 0,
      room: { room_id: 'r' },
    });
  });

  it('joins paths whether or not the base URL ends in a slash', async () => {
    nock(ORIGIN).get('/video/v2/rooms/a').twice().reply(200, { result: 0 });
    await client({ baseUrl: normalizeBaseUrl(`${ORIGIN}/video/v2/`) }).http.request({
      method: 'GET',
      path: 'rooms/a',
    });
    await client().http.request({ method: 'GET', path: '/rooms/a' });
  });

  it('retries a GET on 503 and honours Retry-After', async () => {
    nock(ORIGIN)
      .get('/video/v2/rooms')
      .reply(503, 'busy', { 'Retry-After': '7' })
      .get('/video/v2/rooms')
      .reply(200, { result: 0, rooms: [] });
    const { http, sleeps } = client();
    await http.request({ method: 'GET', path: 'rooms' });
    expect(sleeps).toEqual([7000]);
  });

  it('retries a GET on a reset connection with jittered backoff', async () => {
    nock(ORIGIN)
      .get('/video/v2/rooms')
      .replyWithError(reset())
      .get('/video/v2/rooms')
      .replyWithError(reset())
      .get('/video/v2/rooms')
      .reply(200, { result: 0 });
    const { http, sleeps } = client();
    await http.request({ method: 'GET', path: 'rooms' });
    expect(sleeps).toEqual([backoffMs(0, () => 0.5), backoffMs(1, () => 0.5)]);
  });

  it('gives up after the retries with exit 5', async () => {
    nock(ORIGIN).get('/video/v2/rooms').times(3).reply(500, { result: '50000', error: 'Internal' });
    const { http, sleeps } = client();
    await expect(http.request({ method: 'GET', path: 'rooms' })).rejects.toMatchObject({ exitCode: 5 });
    expect(sleeps).toHaveLength(2);
  });

  it('never retries a POST that may have reached the server', async () => {
    nock(ORIGIN).post('/video/v2/rooms').reply(500, 'oops');
    const { http, sleeps } = client();
    await expect(http.request({ method: 'POST', path: 'rooms', json: {} })).rejects.toMatchObject({
      exitCode: 5,
    });
    expect(sleeps).toEqual([]);
  });

  it('never retries a POST after a reset connection', async () => {
    nock(ORIGIN).post('/video/v2/rooms').replyWithError(reset());
    const { http } = client();
    await expect(http.request({ method: 'POST', path: 'rooms', json: {} })).rejects.toMatchObject({
      exitCode: 5,
    });
  });

  it('retries a POST refused with 429, since the server did not act on it', async () => {
    nock(ORIGIN)
      .post('/video/v2/rooms')
      .reply(429, {}, { 'Retry-After': '1' })
      .post('/video/v2/rooms')
      .reply(200, { result: 0, room: { room_id: 'r' } });
    const { http, sleeps } = client();
    await http.request({ method: 'POST', path: 'rooms', json: {} });
    expect(sleeps).toEqual([1000]);
  });

  it('does not retry an API refusal', async () => {
    nock(ORIGIN).get('/video/v2/rooms/x').reply(200, { result: '40001', error: 'Room not found' });
    await expect(client().http.request({ method: 'GET', path: 'rooms/x' })).rejects.toMatchObject({
      exitCode: 4,
    });
  });

  it('times out a hanging request with exit 5 and a hint', async () => {
    nock(ORIGIN).get('/video/v2/rooms').delay(500).reply(200, { result: 0 });
    const { http } = client({ timeoutMs: 50, retries: 0 });
    await expect(http.request({ method: 'GET', path: 'rooms' })).rejects.toMatchObject({
      exitCode: 5,
      hint: expect.stringMatching(/--timeout/),
    });
  });

  it('logs requests with the key redacted', async () => {
    nock(ORIGIN)
      .post('/video/v2/rooms')
      .reply(200, { result: 0, room: { room_id: 'r' }, app_key: KEY, token: 'tok' });
    const { http, lines } = client();
    await http.request({ method: 'POST', path: 'rooms', json: { name: 'x', password: 'pw-secret' } });
    const log = lines.join('\n');
    expect(log).toContain('> POST https://api.enablex.test/video/v2/rooms');
    expect(log).toContain('authorization: Basic [REDACTED]');
    expect(log).toContain('< 200');
    expect(log).not.toContain(KEY);
    expect(log).not.toContain(Buffer.from(`app123:${KEY}`).toString('base64'));
    expect(log).not.toContain('pw-secret');
    expect(log).not.toContain('"tok"');
  });

  it('stops waiting when interrupted', async () => {
    const controller = new AbortController();
    nock(ORIGIN).get('/video/v2/rooms').reply(503, '');
    const { http } = client({
      signal: controller.signal,
      sleep: async () => {
        controller.abort();
        throw new Error('aborted');
      },
    });
    await expect(http.request({ method: 'GET', path: 'rooms' })).rejects.toMatchObject({ exitCode: 130 });
  });

  it('a request cancelled by its caller mid-flight rejects with the reason, not exit 130', async () => {
    nock(ORIGIN).get('/video/v2/rooms').delay(60_000).reply(200, { result: 0 });
    const controller = new AbortController();
    const reason = new ApiError('sibling failed', FAILURE);
    const { http } = client({ signal: new AbortController().signal });
    const pending = http.request({ method: 'GET', path: 'rooms', signal: controller.signal });
    setTimeout(() => controller.abort(reason), 10);
    await expect(pending).rejects.toBe(reason);
  });

  it('a cancelled retry wait rejects with the reason; the wait got the cancelling signal', async () => {
    nock(ORIGIN).get('/video/v2/rooms').reply(503, '');
    const controller = new AbortController();
    const reason = new ApiError('sibling failed', FAILURE);
    let waited: AbortSignal | undefined;
    const { http } = client({
      signal: new AbortController().signal,
      sleep: async (_ms, signal) => {
        waited = signal;
        controller.abort(reason);
        if (signal?.aborted) throw signal.reason;
      },
    });
    await expect(http.request({ method: 'GET', path: 'rooms', signal: controller.signal })).rejects.toBe(
      reason,
    );
    expect(waited?.aborted).toBe(true);
  });

  it('a request cancelled before it starts sends nothing; without an error reason it is exit 1', async () => {
    const controller = new AbortController();
    controller.abort();
    const { http } = client();
    await expect(
      http.request({ method: 'GET', path: 'rooms', signal: controller.signal }),
    ).rejects.toMatchObject({
      exitCode: 1,
      message: 'GET /rooms was cancelled.',
    });
  });

  it('Ctrl-C stays exit 130 even when the caller cancels too', async () => {
    nock(ORIGIN).get('/video/v2/rooms').delay(60_000).reply(200, { result: 0 });
    const run = new AbortController();
    const caller = new AbortController();
    const { http } = client({ signal: run.signal });
    const pending = http.request({ method: 'GET', path: 'rooms', signal: caller.signal });
    setTimeout(() => {
      run.abort();
      caller.abort(new Error('sibling failed'));
    }, 10);
    await expect(pending).rejects.toBeInstanceOf(InterruptedError);
  });
});

describe('proxy agents of a client', () => {
  const env = { HTTPS_PROXY: 'http://proxy.corp.test:3128', HTTP_PROXY: 'http://proxy.corp.test:3128' };

  it('a client builds one agent for all its requests through a proxy, and destroys it on close', async () => {
    nock(ORIGIN).get('/video/v2/rooms').times(3).reply(200, { result: 0 });
    const agents = countingAgents();
    const { http } = client({ env, agentFactory: agents.factory });
    await http.request({ method: 'GET', path: 'rooms' });
    await http.request({ method: 'GET', path: 'rooms' });
    await http.request({ method: 'GET', path: 'rooms' });
    expect(agents.built).toHaveLength(1);
    expect(agents.destroyed).toEqual([]);
    http.close?.();
    expect(agents.destroyed).toEqual(agents.built);
  });
});

describe('the base URL is the only destination', () => {
  it.each([
    'https://evil.test/x',
    '/https://evil.test/x',
    '../../x',
    '../v20/rooms',
    'a/../../../x',
    '%2e%2e/%2e%2e/x',
  ])('refuses %s before sending anything (exit 2)', async (path) => {
    const { http } = client();
    await expect(http.request({ method: 'GET', path })).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('which is not under the base URL'),
    });
  });
});

describe('answer size cap', () => {
  it('stops at the cap with exit 5 and does not retry', async () => {
    nock(ORIGIN)
      .get('/video/v2/rooms')
      .reply(200, JSON.stringify({ result: 0, pad: 'x'.repeat(5000) }));
    const { http } = client({ maxResponseBytes: 1024, log: undefined });
    await expect(http.request({ method: 'GET', path: 'rooms' })).rejects.toMatchObject({
      exitCode: 5,
      message:
        'GET /rooms: the answer is larger than 1024 bytes, the limit for one answer; stopped reading it.',
    });
  });

  it('counts the decompressed bytes of a gzip answer', async () => {
    const zipped = gzipSync(JSON.stringify({ result: 0, pad: ' '.repeat(100_000) }));
    expect(zipped.length).toBeLessThan(1024);
    nock(ORIGIN).get('/video/v2/rooms').reply(200, zipped, { 'content-encoding': 'gzip' });
    const { http } = client({ maxResponseBytes: 64 * 1024 });
    await expect(http.request({ method: 'GET', path: 'rooms' })).rejects.toMatchObject({ exitCode: 5 });
  });

  it('reads an answer under the cap, gzip or not', async () => {
    nock(ORIGIN)
      .get('/video/v2/rooms')
      .reply(200, gzipSync(JSON.stringify({ result: 0, n: 1 })), { 'content-encoding': 'gzip' });
    const { http } = client({ maxResponseBytes: 1024 });
    await expect(http.request({ method: 'GET', path: 'rooms' })).resolves.toEqual({ result: 0, n: 1 });
  });

  it('refuses a Content-Length above the cap before reading', async () => {
    nock(ORIGIN).get('/video/v2/rooms').reply(200, '{}', { 'content-length': '999999999' });
    const { http } = client({ maxResponseBytes: 1024 });
    await expect(http.request({ method: 'GET', path: 'rooms' })).rejects.toMatchObject({ exitCode: 5 });
  });
});

describe('waits before a retry', () => {
  it('are announced when longer than 3 s (without --verbose)', async () => {
    nock(ORIGIN)
      .get('/video/v2/rooms')
      .reply(429, { result: '1' }, { 'retry-after': '5' })
      .get('/video/v2/rooms')
      .reply(429, { result: '1' }, { 'retry-after': '2' })
      .get('/video/v2/rooms')
      .reply(200, { result: 0 });
    const notices: string[] = [];
    const { http, sleeps } = client({ log: undefined, notice: (l) => notices.push(l) });
    await http.request({ method: 'GET', path: 'rooms' });
    expect(sleeps).toEqual([5000, 2000]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(
      /^Waiting 5 s before retrying GET \/rooms \(attempt 2 of 3\): GET \/rooms: .*HTTP 429/,
    );
  });
});

describe('streamed lists (CDR)', () => {
  /** The client's streaming request (optional on the Http type, always there on createHttp's). */
  const streamOf = (http: ReturnType<typeof client>['http']) => {
    if (!http.streamList) throw new Error('createHttp gives no streamList');
    return http.streamList;
  };
  const handlers = (items: unknown[]) => ({
    onItem: (item: unknown) => void items.push(item),
    onAttempt: () => void (items.length = 0),
  });

  it('refuse a path outside the base URL before sending anything (exit 2)', async () => {
    const { http } = client();
    await expect(
      streamOf(http)({ method: 'GET', path: '/https://evil.test/cdr' }, 'cdr', handlers([])),
    ).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('not under the base URL') });
  });

  it('stop at the cap when one element never ends (exit 5), not retried', async () => {
    nock(ORIGIN)
      .get('/video/v2/cdr/conf/1')
      .reply(200, `{"result":"0","cdr":[{"pad":"${'x'.repeat(5000)}`);
    const { http, sleeps } = client({ maxResponseBytes: 1024 });
    await expect(
      streamOf(http)({ method: 'GET', path: 'cdr/conf/1' }, 'cdr', handlers([])),
    ).rejects.toMatchObject({ exitCode: 5, message: expect.stringContaining('larger than 1024 bytes') });
    expect(sleeps).toEqual([]);
  });

  it.each(STRADDLING)(
    'quote an element that is not JSON cut between graphemes: %s (%s) straddling character 120, %i unit(s) before it',
    async (_what, cluster, before) => {
      const element = `{${'A'.repeat(119 - before)}${cluster} not json}`;
      nock(ORIGIN).get('/video/v2/cdr/conf/1').reply(200, `{"result":"0","cdr":[${element}]}`);
      const { http } = client({ retries: 0 });
      const err = await streamOf(http)({ method: 'GET', path: 'cdr/conf/1' }, 'cdr', handlers([])).catch(
        (e: unknown) => e,
      );
      const message = (err as Error).message;
      expect(message).toMatch(/not readable JSON: /);
      const shown = message.slice(message.indexOf('not readable JSON: ') + 'not readable JSON: '.length);
      expect(shown).toBe(`{${'A'.repeat(119 - before)}…`);
      expectGraphemeCut(element, shown);
    },
  );

  it('take a list far larger than the cap when each element is small', async () => {
    const cdr = Array.from({ length: 500 }, (_, i) => ({ cdr_id: `id-${i}`, pad: 'y'.repeat(20) }));
    nock(ORIGIN)
      .get('/video/v2/cdr/conf/1')
      .reply(200, JSON.stringify({ result: '0', cdr }));
    const { http } = client({ maxResponseBytes: 1024 });
    const items: unknown[] = [];
    await streamOf(http)({ method: 'GET', path: 'cdr/conf/1' }, 'cdr', handlers(items));
    expect(items).toHaveLength(500);
  });
});
