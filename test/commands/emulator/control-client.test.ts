import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { CONTROL_MAX_RESPONSE_BYTES, controlClient } from '../../../src/commands/emulator/control-client.js';
import { countingAgents } from '../../helpers/agents.js';
import { API_ORIGIN } from '../../helpers/cli.js';
import { makeFactory } from '../../helpers/factory.js';
import { useNock } from '../../helpers/nock.js';

useNock();

const STATUS = '/_emulator/v1/status';

describe('the emulator control client', () => {
  it('closes its connections (proxy agents) when the command ends', async () => {
    nock(API_ORIGIN).get(STATUS).twice().reply(200, { result: 0, now: 'x' });
    const agents = countingAgents();
    const { f } = makeFactory({ env: { HTTPS_PROXY: 'http://proxy.corp.test:3128' } });
    const control = await controlClient(f, agents.factory);
    await control.request({ method: 'GET', path: 'status' });
    await control.request({ method: 'GET', path: 'status' });
    expect(agents.built).toHaveLength(1);
    expect(agents.destroyed).toEqual([]);
    await f.cleanup();
    expect(agents.destroyed).toEqual(agents.built);
  });

  it('stops reading an answer larger than its cap (exit 5), and does not retry', async () => {
    const huge = JSON.stringify({ result: 0, pad: 'x'.repeat(CONTROL_MAX_RESPONSE_BYTES) });
    nock(API_ORIGIN).get(STATUS).once().reply(200, huge);
    const { f, ctx } = makeFactory({ globals: { retries: '2' } });
    const control = await controlClient(f);
    await expect(control.request({ method: 'GET', path: 'status' })).rejects.toMatchObject({
      exitCode: 5,
      message:
        'GET /status: the answer is larger than 1 MiB, the limit for one answer; stopped reading it: no answer of an enablex emulator is that large.',
      hint: 'Check that https://api.enablex.test is an enablex emulator (`enablex emulator`), or add --emulator.',
    });
    expect(ctx.sleeps).toEqual([]);
    await f.cleanup();
  });

  it('says on stderr when it waits long before a retry', async () => {
    nock(API_ORIGIN)
      .get(STATUS)
      .reply(503, { result: '1' }, { 'retry-after': '5' })
      .get(STATUS)
      .reply(200, { result: 0, now: 'x' });
    const { f, ctx } = makeFactory({ globals: { retries: '1' } });
    const control = await controlClient(f);
    await expect(control.request({ method: 'GET', path: 'status' })).resolves.toMatchObject({ now: 'x' });
    expect(ctx.sleeps).toEqual([5000]);
    expect(ctx.err.text).toMatch(/^Waiting 5 s before retrying GET \/status \(attempt 2 of 2\): /m);
    await f.cleanup();
  });
});
