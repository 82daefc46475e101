import { afterEach, describe, expect, it } from 'vitest';
import { AUTH, at, list, start, stopAll, type Harness } from './helpers.js';

afterEach(stopAll);

async function statuses(h: Harness, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await h.api('GET', '/rooms')).status);
  return out;
}

describe('fault injection', () => {
  it('adds latency', async () => {
    const h = await start({ faults: { latencyMs: 150 } });
    const t0 = performance.now();
    expect((await h.api('GET', '/rooms')).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it.each([
    [429, '1', '10105'],
    [503, '1', '10105'],
    [500, null, '50000'],
  ] as const)(
    'fails with %i (Retry-After %s) in the API error shape',
    async (failStatus, retryAfter, result) => {
      const h = await start({ faults: { failRate: 1, failStatus } });
      const res = await h.api('GET', '/rooms');
      expect(res.status).toBe(failStatus);
      expect(res.headers.get('retry-after')).toBe(retryAfter);
      expect(at(res.body, 'result')).toBe(result);
    },
  );

  it('fails the first N requests for sure, then recovers; a failed POST changes nothing', async () => {
    const h = await start({ faults: { failFirst: 2, failStatus: 429, retryAfterSeconds: 3 } });
    const first = await h.api('POST', '/rooms', { name: 'x', owner_ref: 'y' });
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '3']);
    expect(await statuses(h, 2)).toEqual([429, 200]);
    expect(list((await h.api('GET', '/rooms')).body, 'rooms')).toHaveLength(0);
  });

  it('hangs: the request never gets an answer, and close() still returns quickly', async () => {
    const h = await start({ faults: { hangRate: 1 } });
    await expect(
      fetch(`${h.emu.baseUrl}/rooms`, { headers: { authorization: AUTH }, signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow();
    const pending = fetch(`${h.emu.baseUrl}/rooms`, { headers: { authorization: AUTH } }).catch(
      (err: unknown) => err,
    );
    // close() resolving at all (within the test timeout) is the point: a hung request must not block it.
    await h.emu.close();
    expect(await pending).toBeInstanceOf(Error);
  });

  it('truncates: Content-Length promises more than arrives, then the connection closes', async () => {
    const h = await start({ faults: { truncateRate: 1 } });
    const res = await fetch(`${h.emu.baseUrl}/dialin/`, { headers: { authorization: AUTH } });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(100);
    await expect(res.text()).rejects.toThrow();
  });

  it('truncates after acting: the POST did create the room', async () => {
    const h = await start({ faults: { truncateRate: 1, match: 'POST ' } });
    await expect(h.api('POST', '/rooms', { name: 'x', owner_ref: 'y' })).rejects.toThrow();
    expect(list((await h.api('GET', '/rooms')).body, 'rooms')).toHaveLength(1);
  });

  it.each([502, 200] as const)(
    'answers an HTML page instead of JSON, with status %i',
    async (nonJsonStatus) => {
      const h = await start({ faults: { nonJsonRate: 1, nonJsonStatus } });
      const res = await h.api('GET', '/rooms');
      expect(res.status).toBe(nonJsonStatus);
      expect(res.headers.get('content-type')).toBe('text/html');
      expect(res.text).toContain('<h1>502 Bad Gateway</h1>');
      expect(res.body).toBeUndefined();
    },
  );

  it('resets the connection without an answer', async () => {
    const h = await start({ faults: { resetRate: 1 } });
    await expect(h.api('GET', '/rooms')).rejects.toThrow();
  });

  it('is deterministic under a seed, and the seed matters', async () => {
    const a = await start({ faults: { failRate: 0.5, seed: 7 } });
    const b = await start({ faults: { failRate: 0.5, seed: 7 } });
    const c = await start({ faults: { failRate: 0.5, seed: 8 } });
    const seqA = await statuses(a, 24);
    expect(seqA).toContain(503);
    expect(seqA).toContain(200);
    expect(await statuses(b, 24)).toEqual(seqA);
    expect(await statuses(c, 24)).not.toEqual(seqA);
  });

  it('only hits requests matching `match`', async () => {
    const h = await start({ faults: { failRate: 1, match: 'GET /video/v2/cdr' } });
    expect((await h.api('GET', '/rooms')).status).toBe(200);
    expect((await h.api('GET', '/cdr/conf/10000001')).status).toBe(503);
  });

  it('match the path as the user writes it (relative to the base URL), under /video/v2 and /v1 alike', async () => {
    const h = await start({ faults: { failRate: 1, match: 'GET /rooms' } });
    expect((await h.api('GET', '/rooms')).status).toBe(503);
    expect((await h.raw('GET', '/v1/rooms', { headers: { authorization: AUTH } })).status).toBe(503);
    expect((await h.api('POST', '/rooms', { name: 'R', owner_ref: 'o' })).status).toBe(200);
    expect((await h.api('GET', '/cdr/conf/10000001')).status).not.toBe(503);
  });

  it('switch on and off at runtime through /_emulator/faults, which itself is never faulted', async () => {
    const h = await start();
    const set = await h.control('PUT', '/faults', { failRate: 1, failStatus: 500 });
    expect(at(set.body, 'faults.failRate')).toBe(1);
    expect((await h.api('GET', '/rooms')).status).toBe(500);
    expect((await h.control('GET', '/status')).status).toBe(200);
    expect((await h.control('DELETE', '/faults')).status).toBe(200);
    expect((await h.api('GET', '/rooms')).status).toBe(200);
  });

  it('refuses a bad configuration with 400 / 10008', async () => {
    const h = await start();
    for (const bad of [
      { failRate: 2 },
      { failRate: 0.6, hangRate: 0.6 },
      { failStatus: 404 },
      { speed: 1 },
    ]) {
      const res = await h.control('PUT', '/faults', bad);
      expect([res.status, at(res.body, 'result')]).toEqual([400, '10008']);
    }
  });
});

describe('the Date header', () => {
  afterEach(stopAll);

  it('follows the emulator clock, clock control route included (doctor compares it)', async () => {
    const h = await start();
    const first = await h.api('GET', '/rooms');
    expect(first.headers.get('date')).toBe(new Date('2026-11-29T12:00:00Z').toUTCString());
    await h.control('POST', '/clock/advance', { minutes: 90 });
    const later = await h.api('GET', '/rooms');
    expect(later.headers.get('date')).toBe(new Date('2026-11-29T13:30:00Z').toUTCString());
  });
});
