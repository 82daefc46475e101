import { describe, expect, it } from 'vitest';
import { TransportError, networkError } from '../../src/http/network-error.js';

const URL_ = new URL('https://api.enablex.test/video/v2/rooms');
const failure = (code: string, extra: object = {}) =>
  Object.assign(new Error(`failed ${code}`), { code }, extra);

describe('networkError', () => {
  it.each([
    ['ECONNREFUSED', {}, 'api.enablex.test refused the connection.'],
    ['ENOTFOUND', {}, 'api.enablex.test could not be resolved.'],
    ['ETIMEDOUT', {}, 'api.enablex.test did not answer within 2 s (no response at all).'],
    [
      'ETIMEDOUT',
      { response: {} },
      'api.enablex.test answered, but the answer did not finish arriving within 2 s (too slow or too long).',
    ],
    [
      'ECONNRESET',
      { response: {} },
      'api.enablex.test answered, but the answer was cut off before its end (ECONNRESET).',
    ],
    // A download's limits: connecting, the answer's start, silence (got's `event` says which).
    [
      'ETIMEDOUT',
      { event: 'connect' },
      'could not connect to api.enablex.test within 2 s (the --timeout limit).',
    ],
    [
      'ETIMEDOUT',
      { event: 'secureConnect' },
      'could not finish the TLS handshake with api.enablex.test within 2 s (the --timeout limit).',
    ],
    [
      'ETIMEDOUT',
      { event: 'response' },
      'api.enablex.test did not start answering within 2 s (the --timeout limit).',
    ],
    [
      'ETIMEDOUT',
      { event: 'socket', response: {} },
      'api.enablex.test answered, then sent nothing for 2 s (the --timeout limit for silence): the transfer stalled.',
    ],
    [
      'ETIMEDOUT',
      { event: 'socket' },
      'api.enablex.test sent nothing for 2 s (the --timeout limit for silence): no response at all.',
    ],
    // An API request's one limit on the whole exchange.
    [
      'ETIMEDOUT',
      { event: 'request', response: {} },
      'api.enablex.test answered, but the answer did not finish arriving within 2 s (too slow or too long).',
    ],
  ])('%s %o', (code, extra, message) => {
    const error = networkError(failure(code, extra), URL_, 2000);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ message, code, exitCode: 5 });
    if (code === 'ETIMEDOUT') expect(error.hint).toMatch(/^Raise --timeout \(seconds\)/);
  });

  it('reads "after the head" from the response a got error carries, and nothing else', () => {
    const marked = networkError(failure('ECONNRESET', { afterHead: true }), URL_, 2000);
    expect(marked.message).toBe('request to api.enablex.test failed: failed ECONNRESET (ECONNRESET)');
  });

  it('names the proxy, its password hidden', () => {
    const error = networkError(failure('ECONNREFUSED'), URL_, 2000, 'http://u:pw@proxy.test:3128');
    expect(error.message).toBe(
      'request to api.enablex.test through the proxy http://***:***@proxy.test:3128/ failed (ECONNREFUSED).',
    );
    expect(error.message).not.toContain('pw');
  });
});
