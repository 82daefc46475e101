import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { RESULT_HINTS } from '../../../src/api/result-codes.js';
import { API_ORIGIN, TEST_ENV, runCli } from '../../helpers/cli.js';
import { useNock } from '../../helpers/nock.js';

useNock();

const PATH = '/video/v2/dialin/';
const APP_KEY = 'eChoedAppKeyZ9y8x7w6v5u4t3s2r1q0p9o8';
const SIP_PASSWORD = 'sIpPa55w0rd-Secret';
/** The route page's sample, made valid JSON (NOTES.md: the real answer is JSON), with real-looking values. */
const SAMPLE = {
  _id: '64f0c0ffee0000000000abcd',
  app_key: APP_KEY,
  settings: { sip: true },
  sip: {
    server_url: 'sip://sip.enablex.test:5060',
    username: 'app-64f0',
    password: SIP_PASSWORD,
    sig_servers: ['10.0.0.1', 'sig2.enablex.test'],
    media_servers: ['media1.enablex.test'],
  },
  dialin: [
    { country: 'India', country_code: '+91', phone: '8012345678', toll: false },
    { country: 'United States', country_code: '+1', phone: '2025550100', toll: true },
  ],
};

/** Fails when a raw secret (or the Basic credentials) shows anywhere the user can see. */
function expectNoSecrets(text: string): void {
  const basic = Buffer.from(`${TEST_ENV.ENABLEX_APP_ID}:${TEST_ENV.ENABLEX_APP_KEY}`).toString('base64');
  for (const secret of [APP_KEY, SIP_PASSWORD, TEST_ENV.ENABLEX_APP_KEY, basic]) {
    expect(text).not.toContain(secret);
  }
}

describe('dialin: success', () => {
  it('shows SIP settings as key/values and the numbers as a table, secrets hidden', async () => {
    nock(API_ORIGIN).get(PATH).reply(200, SAMPLE);
    const r = await runCli(['dialin']);
    expect(r.code).toBe(0);
    expectNoSecrets(r.stdout + r.stderr);
    expect(r.stdout).toMatch(/app_key\s+\[hidden\]/);
    expect(r.stdout).toMatch(/sip\.password\s+\[hidden\]/);
    expect(r.stdout).toMatch(/sip\.server_url\s+sip:\/\/sip\.enablex\.test:5060/);
    expect(r.stdout).toMatch(/sip\.sig_servers\s+10\.0\.0\.1, sig2\.enablex\.test/);
    expect(r.stdout).toMatch(/settings\.sip\s+true/);
    expect(r.stdout).toContain('Dial-in numbers:');
    expect(r.stdout).toMatch(/^country\s+country_code\s+phone\s+type$/m);
    expect(r.stdout).toMatch(/^India\s+\+91\s+8012345678\s+toll-free$/m);
    expect(r.stdout).toMatch(/^United States\s+\+1\s+2025550100\s+toll$/m);
    expect(r.stderr).toBe('Hidden: app_key, sip.password (pass --show-secrets to show them).\n');
  });

  it('prints the whole object as JSON with the secrets hidden', async () => {
    nock(API_ORIGIN).get(PATH).reply(200, SAMPLE);
    const r = await runCli(['dialin', '-o', 'json']);
    expect(r.code).toBe(0);
    expectNoSecrets(r.stdout + r.stderr);
    expect(JSON.parse(r.stdout)).toEqual({
      ...SAMPLE,
      app_key: '[hidden]',
      sip: { ...SAMPLE.sip, password: '[hidden]' },
    });
  });

  it.each([['table'], ['json'], ['yaml'], ['csv'], ['ndjson']])(
    'never shows the secrets with --verbose (-o %s)',
    async (format) => {
      nock(API_ORIGIN).get(PATH).reply(200, SAMPLE);
      const r = await runCli(['dialin', '--verbose', '-o', format]);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(`> GET ${API_ORIGIN}${PATH}`);
      expect(r.stderr).toContain('< 200');
      expectNoSecrets(r.stdout + r.stderr);
    },
  );

  it('shows the secrets with --show-secrets, and no note', async () => {
    nock(API_ORIGIN).get(PATH).reply(200, SAMPLE);
    const r = await runCli(['dialin', '--show-secrets', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(SAMPLE);
    expect(r.stderr).toBe('');
  });

  it('--fields picks keys of the whole object, also in a table', async () => {
    nock(API_ORIGIN).get(PATH).reply(200, SAMPLE);
    const r = await runCli(['dialin', '--fields', 'sip.server_url,sip.password']);
    expect(r.stdout).toMatch(/sip\.server_url\s+sip:/);
    expect(r.stdout).toMatch(/sip\.password\s+\[hidden\]/);
    expect(r.stdout).not.toContain('Dial-in numbers');
    expectNoSecrets(r.stdout + r.stderr);
  });

  it.each([
    ['an empty object', {}],
    ['no numbers', { _id: 'x', settings: { sip: false } }],
    ['dialin: null', { _id: 'x', dialin: null, sip: null }],
    ['dialin: []', { _id: 'x', dialin: [] }],
  ])('copes with %s', async (_label, body) => {
    nock(API_ORIGIN).get(PATH).reply(200, body);
    const r = await runCli(['dialin']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('No dial-in numbers are configured for this application.');
    expect(r.stderr).not.toContain('Hidden');
    expect(r.stdout).not.toContain('Dial-in numbers:');
  });

  it('shows numbers without SIP settings, and odd toll values', async () => {
    nock(API_ORIGIN)
      .get(PATH)
      .reply(200, {
        dialin: [
          { country: 'UK', phone: '2079460000', toll: 'false' },
          { country: 'DE', phone: '301234', toll: 'true' },
          { country: 'FR', phone: '140000000' },
        ],
      });
    const r = await runCli(['dialin']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('Dial-in numbers:\n')).toBe(true);
    expect(r.stdout).toMatch(/^UK\s+2079460000\s+toll-free$/m);
    expect(r.stdout).toMatch(/^DE\s+301234\s+toll$/m);
    expect(r.stdout).toMatch(/^FR\s+140000000$/m);
  });

  it('leaves an empty password alone and says nothing about it', async () => {
    nock(API_ORIGIN)
      .get(PATH)
      .reply(200, { sip: { username: 'u', password: '' } });
    const r = await runCli(['dialin', '--json']);
    expect(JSON.parse(r.stdout)).toEqual({ sip: { username: 'u', password: '' } });
    expect(r.stderr).toBe('');
  });
});

describe('dialin: failures', () => {
  it.each([
    [
      'bad credentials (result 10000)',
      200,
      { result: '10000', error: 'Application not found' },
      3,
      RESULT_HINTS['10000'],
    ],
    ['HTTP 401', 401, 'Unauthorized', 3, RESULT_HINTS['10000']],
    ['HTTP 404', 404, '', 4, undefined],
    ['server error', 500, 'oops', 5, undefined],
    ['a non-JSON answer', 200, '<html></html>', 5, undefined],
    ['a list instead of an object', 200, [SAMPLE], 5, undefined],
  ])('%s', async (_label, status, body, code, hint) => {
    nock(API_ORIGIN).get(PATH).reply(status, body);
    const r = await runCli(['dialin']);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    if (hint) expect(r.stderr).toContain(`Hint: ${hint}`);
  });

  it('an error answer that echoes the secrets does not show them, even with --verbose', async () => {
    nock(API_ORIGIN)
      .get(PATH)
      .reply(500, { ...SAMPLE, result: '50000', error: 'Internal' });
    const r = await runCli(['dialin', '--verbose']);
    expect(r.code).toBe(5);
    expectNoSecrets(r.stdout + r.stderr);
  });

  it('refuses an argument (exit 2)', async () => {
    const r = await runCli(['dialin', 'extra']);
    expect(r.code).toBe(2);
  });
});
