import { describe, expect, it } from 'vitest';
import type { Http } from '../../../src/api/http.js';
import type { RequestSpec } from '../../../src/api/request.js';
import type { PlanItem } from '../../../src/commands/room/apply-plan.js';
import { runPlan } from '../../../src/commands/room/apply-run.js';
import { AuthError, InterruptedError, NetworkError } from '../../../src/lib/errors.js';

/** A fake API: answers after a tick, counting requests in flight; `fail` decides per request. */
function fakeHttp(fail: (spec: RequestSpec) => Error | undefined = () => undefined) {
  const log: string[] = [];
  let inFlight = 0;
  let peak = 0;
  const http: Http = {
    baseUrl: new URL('https://api.test/video/v2/'),
    async request<T>(spec: RequestSpec): Promise<T> {
      inFlight++;
      peak = Math.max(peak, inFlight);
      log.push(`${spec.method} ${spec.path}`);
      await new Promise((r) => setTimeout(r, 2));
      inFlight--;
      const err = fail(spec);
      if (err) throw err;
      return { result: 0, room: { room_id: `id-${log.length}` } } as T;
    },
  };
  return { http, log, peak: () => peak };
}

const creates = (n: number): PlanItem[] =>
  Array.from({ length: n }, (_, i) => ({
    action: 'create',
    name: `R${i}`,
    owner_ref: 't',
    changes: [],
    body: { name: `R${i}`, owner_ref: 't' },
  }));
const signal = new AbortController().signal;

describe('carrying out the plan', () => {
  it.each([1, 4, 8])('never more than %i requests at a time, and all of them done', async (n) => {
    const f = fakeHttp();
    const { outcomes } = await runPlan(f.http, creates(20), { concurrency: n, signal });
    expect(f.peak()).toBe(n);
    expect(outcomes.every((o) => o.status === 'done')).toBe(true);
    expect(f.log).toHaveLength(20);
  });

  it('a failed room is recorded and the others go on; each POST is sent once', async () => {
    const f = fakeHttp((spec) =>
      (spec.json as { name: string }).name === 'R3' ? new NetworkError('server error 503') : undefined,
    );
    const { outcomes, stopped } = await runPlan(f.http, creates(6), { concurrency: 2, signal });
    expect(stopped).toBeUndefined();
    expect(outcomes.map((o) => o.status)).toEqual(['done', 'done', 'done', 'failed', 'done', 'done']);
    expect(outcomes[3]?.error).toBe('server error 503');
    expect(f.log.filter((l) => l.startsWith('POST'))).toHaveLength(6);
  });

  it('bad credentials stop new work; the rest is listed as not tried', async () => {
    const f = fakeHttp(() => new AuthError('bad credentials'));
    const { outcomes, stopped } = await runPlan(f.http, creates(5), { concurrency: 1, signal });
    expect(stopped).toBeInstanceOf(AuthError);
    expect(outcomes.map((o) => o.status)).toEqual([
      'failed',
      'not-tried',
      'not-tried',
      'not-tried',
      'not-tried',
    ]);
    expect(f.log).toHaveLength(1);
  });

  it('replace deletes first, then creates; a failed create says the room is gone and how to finish', async () => {
    const item: PlanItem = {
      action: 'replace',
      name: 'L',
      owner_ref: 't',
      room_id: 'old',
      changes: [],
      body: { name: 'L', owner_ref: 't' },
    };
    const ok = fakeHttp();
    const done = await runPlan(ok.http, [item], { concurrency: 1, signal });
    expect(ok.log).toEqual(['DELETE rooms/old', 'POST rooms']);
    expect(done.outcomes[0]).toMatchObject({ status: 'done', old_room_id: 'old' });

    const bad = fakeHttp((spec) =>
      spec.method === 'POST' ? new NetworkError('server error 503.') : undefined,
    );
    const failed = await runPlan(bad.http, [item], { concurrency: 1, signal });
    expect(failed.outcomes[0]?.error).toBe(
      'deleted old, but creating it again failed: server error 503. Run apply again to create it.',
    );
  });

  it('Ctrl-C: no new room is started, the run comes back as interrupted', async () => {
    const ctrl = new AbortController();
    const f = fakeHttp(() => {
      ctrl.abort();
      return undefined;
    });
    const { outcomes, stopped } = await runPlan(f.http, creates(5), { concurrency: 1, signal: ctrl.signal });
    expect(stopped).toBeInstanceOf(InterruptedError);
    expect(f.log).toHaveLength(1);
    expect(outcomes.map((o) => o.status)).toEqual([
      'done',
      'not-tried',
      'not-tried',
      'not-tried',
      'not-tried',
    ]);
  });
});
