import { describe, expect, it } from 'vitest';
import { Outputs } from '../e2e/helpers/run.js';
import { APP_ID, APP_KEY, envFor } from './env.js';
import { startHostile } from './server.js';

// Finding 7: answers had no size limit, and a slow answer was reported as no answer.
const out = new Outputs();
out.secret(APP_KEY);
out.basicSecret(APP_ID, APP_KEY);
out.scan();

describe('answers are capped in size, and timeouts say what happened', () => {
  it('stops reading a gzip bomb at the default 64 MiB: exit 5, a clear message', async () => {
    const api = await startHostile('gzip-bomb');
    const r = await out.run(['room', 'list', '--retries', '0'], {
      env: envFor(api.baseUrl),
      timeoutMs: 60_000,
    });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('GET /rooms: the answer is larger than 64 MiB, the limit for one answer');
    expect(r.stderr).toContain('ENABLEX_MAX_RESPONSE_MB');
    expect(r.stderr).not.toMatch(/bug|at .*\.js/);
  });

  it('stops an endless body at the limit set by ENABLEX_MAX_RESPONSE_MB, and is not retried', async () => {
    const api = await startHostile('endless');
    const r = await out.run(['room', 'list', '--retries', '2'], {
      env: envFor(api.baseUrl, { ENABLEX_MAX_RESPONSE_MB: '2' }),
    });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('the answer is larger than 2 MiB');
    expect(r.stderr).not.toContain('did not answer');
    expect(api.hits).toHaveLength(1);
  });

  it('refuses a bad ENABLEX_MAX_RESPONSE_MB with exit 2, nothing sent', async () => {
    const api = await startHostile('ok');
    const r = await out.run(['room', 'list'], {
      env: envFor(api.baseUrl, { ENABLEX_MAX_RESPONSE_MB: '0x10' }),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ENABLEX_MAX_RESPONSE_MB must be a whole number of MiB from 1 to 4096');
    expect(api.hits).toEqual([]);
  });

  it('says "answered, but too slow" for a body that drips', async () => {
    const api = await startHostile('slow-drip');
    const r = await out.run(['room', 'list', '--timeout', '1', '--retries', '0'], {
      env: envFor(api.baseUrl),
    });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(
      /answered, but the answer did not finish arriving within 1 s \(too slow or too long\)/,
    );
  });

  it('says "no response at all" for a server that never answers', async () => {
    const api = await startHostile('silent');
    const r = await out.run(['room', 'list', '--timeout', '1', '--retries', '0'], {
      env: envFor(api.baseUrl),
    });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/did not answer within 1 s \(no response at all\)/);
  });
});
