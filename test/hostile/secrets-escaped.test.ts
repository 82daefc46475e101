import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../src/output/escape.js';
import { Outputs } from '../e2e/helpers/run.js';
import { APP_ID, envFor } from './env.js';
import { startHostile } from './server.js';

// A key with the characters JSON and the terminal escape: `"`, `\`, `/`, `+`, `=`.
const ODD_KEY = 'Ab"c\\d/e+f=gZZ9';
const JSON_FORM = JSON.stringify(ODD_KEY).slice(1, -1);

const out = new Outputs();
out.secret(ODD_KEY, JSON_FORM, terminalSafe(JSON_FORM), Buffer.from(ODD_KEY).toString('base64'));
out.basicSecret(APP_ID, ODD_KEY);
out.scan();

describe('a secret quoted back in an escaped form never reaches the terminal', () => {
  it('a JSON error quoting the key, with --verbose: the log line and the Error line', async () => {
    const api = await startHostile('echo-json', { appKey: ODD_KEY });
    const r = await out.run(['room', 'list', '--verbose', '--retries', '0'], {
      env: envFor(api.baseUrl, { ENABLEX_APP_KEY: ODD_KEY }),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('< {"result":"400","error":"you sent [REDACTED]"}');
    expect(r.stderr).toContain(
      'Error: GET /rooms: the API refused the request: you sent [REDACTED] (result 400',
    );
    for (const piece of ['Ab\\"c', 'c\\\\\\d', 'd/e+f=gZZ9']) expect(r.stderr).not.toContain(piece);
  });
});
