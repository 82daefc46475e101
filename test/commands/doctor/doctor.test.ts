import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  API_ORIGIN,
  TEST_ENV,
  TEST_NOW,
  runCli,
  tempConfigDir,
  type TestContextOptions,
} from '../../helpers/cli.js';
import { useNock } from '../../helpers/nock.js';
import { makeFactory } from '../../helpers/factory.js';
import { printReport } from '../../../src/commands/doctor/report.js';
import { Chalk } from 'chalk';

useNock();

let config: { dir: string; cleanup: () => void };
beforeEach(() => {
  config = tempConfigDir();
});
afterEach(() => config.cleanup());

/** One parsed line of the table: `✓ ok    config       detail`. */
interface Line {
  symbol: string;
  status: string;
  detail: string;
}

/** Runs `enablex doctor` with a private config folder and parses the table by check name. */
async function doctor(argv: string[] = [], opts: TestContextOptions = {}) {
  const r = await runCli(['doctor', ...argv], {
    ...opts,
    env: { ENABLEX_CONFIG_DIR: config.dir, ...opts.env },
  });
  const lines: Record<string, Line> = {};
  for (const text of r.stdout.split('\n').slice(1)) {
    const m = /^(\S) (ok|warn|fail|skip)\s+(\S+)\s+(.*)$/.exec(text);
    if (m) lines[m[3]!] = { symbol: m[1]!, status: m[2]!, detail: m[4]! };
  }
  return { ...r, lines };
}

/** A transport error as node reports it (nock needs an Error instance to fail at once). */
const netError = (message: string, code: string) => Object.assign(new Error(message), { code });

/** The server's Date header `seconds` away from the test clock. */
const dateAt = (seconds: number) => new Date(TEST_NOW.getTime() + seconds * 1000).toUTCString();

const roomsOk = (seconds = 0) =>
  nock(API_ORIGIN)
    .get('/video/v2/rooms')
    .reply(200, { result: 0, rooms: [{ room_id: 'a' }, { room_id: 'b' }] }, { Date: dateAt(seconds) });

/** Writes a config file holding one default profile, with the given file mode. */
function writeProfileStore(mode: number): string {
  const file = join(config.dir, 'config.json');
  const profile = {
    appId: TEST_ENV.ENABLEX_APP_ID,
    appKey: TEST_ENV.ENABLEX_APP_KEY,
    baseUrl: TEST_ENV.ENABLEX_BASE_URL,
  };
  writeFileSync(file, JSON.stringify({ defaultProfile: 'prod', profiles: { prod: profile } }));
  chmodSync(file, mode);
  return file;
}

const NO_ENV_CREDS = { ENABLEX_APP_ID: undefined, ENABLEX_APP_KEY: undefined, ENABLEX_BASE_URL: undefined };

describe('enablex doctor', () => {
  it('good credentials: every line ok, exit 0', async () => {
    roomsOk();
    const r = await doctor();
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^status\s+check\s+detail$/);
    expect(Object.keys(r.lines)).toEqual(['config', 'credentials', 'base_url', 'proxy', 'api', 'clock']);
    expect(Object.values(r.lines).map((l) => `${l.symbol} ${l.status}`)).toEqual(Array(6).fill('✓ ok'));
    expect(r.lines['config']!.detail).toMatch(/^no config file yet \(.*config\.json\)/);
    expect(r.lines['credentials']!.detail).toBe(
      `the environment (ENABLEX_APP_ID, ENABLEX_APP_KEY), app id ${TEST_ENV.ENABLEX_APP_ID}; recording-file credentials not set`,
    );
    expect(r.lines['base_url']!.detail).toBe('https://api.enablex.test/video/v2 (from env), https');
    expect(r.lines['proxy']!.detail).toBe('none');
    expect(r.lines['api']!.detail).toMatch(
      /^credentials accepted: api\.enablex\.test answered GET \/rooms in \d+ ms \(2 rooms\)$/,
    );
    expect(r.lines['clock']!.detail).toBe("within 0 s of the server's clock");
    expect(r.stderr).toBe('✓ Everything looks good.\n');
    expect(r.stdout + r.stderr).not.toContain(TEST_ENV.ENABLEX_APP_KEY);
  });

  it.each([
    [
      'result 10000 with HTTP 200',
      200,
      { result: '10000', error: 'Application not found', desc: '' },
      '(result 10000)',
    ],
    ['HTTP 401', 401, { result: '10000', error: 'Unauthorized' }, '(result 10000)'],
    ['HTTP 403 without a result', 403, { error: 'Forbidden' }, '(HTTP 403)'],
  ])('bad key (%s): fail "a typo?", exit 3', async (_name, status, body, code) => {
    nock(API_ORIGIN)
      .get('/video/v2/rooms')
      .reply(status, body, { Date: dateAt(0) });
    const r = await doctor();
    expect(r.code).toBe(3);
    expect(r.lines['api']).toEqual({
      symbol: '✗',
      status: 'fail',
      detail: `the app id or key is wrong (a typo?): GET /rooms was refused ${code} — check the app id and key of the environment (ENABLEX_APP_ID, ENABLEX_APP_KEY); \`enablex profile show\` shows the saved app id`,
    });
    // Even a refusal carries the server's clock.
    expect(r.lines['clock']!.status).toBe('ok');
    expect(r.stderr).toContain('Error: 1 check failed: api.');
    expect(r.stdout + r.stderr).not.toContain(TEST_ENV.ENABLEX_APP_KEY);
  });

  it.each([
    ['404 with an HTML page', 404, 'GET /rooms answered HTTP 404'],
    ['200 with an HTML page', 200, "GET /rooms answered HTTP 200 with text/html that is not the API's JSON"],
  ])('wrong base URL (%s): fail, exit 3', async (_name, status, why) => {
    nock(API_ORIGIN)
      .get('/video/v2/rooms')
      .reply(status, '<html><body>Not here</body></html>', { 'Content-Type': 'text/html', Date: dateAt(0) });
    const r = await doctor();
    expect(r.code).toBe(3);
    expect(r.lines['api']!.status).toBe('fail');
    expect(r.lines['api']!.detail).toBe(
      `the base URL does not look like the EnableX Video API v2 (it should end in /video/v2): ${why} — pass --base-url https://api.enablex.io/video/v2`,
    );
  });

  it("a proxy's 502 HTML page is the server failing, not a wrong base URL: exit 5", async () => {
    nock(API_ORIGIN)
      .get('/video/v2/rooms')
      .reply(502, '<html><body>502 Bad Gateway</body></html>', {
        'Content-Type': 'text/html',
        Date: dateAt(0),
      });
    const r = await doctor(['--retries', '0']);
    expect(r.code).toBe(5);
    expect(r.lines['api']!.status).toBe('fail');
    expect(r.lines['api']!.detail).not.toContain('does not look like the EnableX Video API');
    expect(r.lines['api']!.detail).toContain('GET /rooms');
  });

  it.each([
    [0, 'ok', "within 0 s of the server's clock", 0],
    [-30, 'ok', "within 30 s of the server's clock", 0],
    [45, 'warn', "this computer's clock is 45 s behind the server's", 0],
    [-299, 'warn', "this computer's clock is 299 s ahead of the server's", 0],
    [301, 'fail', "this computer's clock is 301 s behind the server's", 3],
    [-600, 'fail', "this computer's clock is 600 s ahead of the server's", 3],
  ])('server clock %i s away: %s', async (seconds, status, detail, code) => {
    roomsOk(seconds);
    const r = await doctor();
    expect(r.code).toBe(code);
    expect(r.lines['clock']!.status).toBe(status);
    expect(r.lines['clock']!.detail).toContain(detail);
    if (status !== 'ok') {
      expect(r.lines['clock']!.detail).toContain('scheduled times and token windows depend on it');
      expect(r.lines['clock']!.detail).toContain('sudo timedatectl set-ntp true');
    }
  });

  it('skips the clock when the server sends no Date header', async () => {
    nock(API_ORIGIN).get('/video/v2/rooms').reply(200, { result: 0, rooms: [] });
    const r = await doctor();
    expect(r.code).toBe(0);
    expect(r.lines['clock']).toMatchObject({
      status: 'skip',
      detail: 'not checked: the server sent no Date header',
    });
  });

  it('a profile file with mode 0644: warn with the chmod command, exit 0', async () => {
    const file = writeProfileStore(0o644);
    roomsOk();
    const r = await doctor([], { env: NO_ENV_CREDS });
    expect(r.code).toBe(0);
    expect(r.lines['config']).toEqual({
      symbol: '!',
      status: 'warn',
      detail: `${file} has mode 0644: other users can read the app keys — run \`chmod 600 ${file}\``,
    });
    expect(r.lines['credentials']!.detail).toMatch(/^profile "prod" \(the default profile\), app id /);
    expect(r.lines['base_url']!.detail).toBe('https://api.enablex.test/video/v2 (from profile), https');
    expect(r.stderr).toContain('No failures; 1 warning to look at.');
    expect(r.stderr).not.toContain('readable by other users');
  });

  it('a private profile file and folder: ok with the mode', async () => {
    const file = writeProfileStore(0o600);
    roomsOk();
    const r = await doctor(['--profile', 'prod']);
    expect(r.code).toBe(0);
    expect(r.lines['config']!.detail).toBe(`${file} (mode 0600)`);
    expect(r.lines['credentials']!.detail).toMatch(
      /^profile "prod" \(from --profile; ENABLEX_APP_ID\/KEY in the environment are ignored\)/,
    );
  });

  it('a loose config folder gets chmod 700 too', async () => {
    const file = writeProfileStore(0o644);
    chmodSync(config.dir, 0o755);
    roomsOk();
    const r = await doctor([], { env: NO_ENV_CREDS });
    expect(r.lines['config']!.detail).toBe(
      `the folder ${config.dir} has mode 0755: other users can look into it; ${file} has mode 0644: other users can read the app keys — run \`chmod 700 ${config.dir} && chmod 600 ${file}\``,
    );
  });

  it('an unreadable config file fails config and credentials, exit 3', async () => {
    writeFileSync(join(config.dir, 'config.json'), '{ not json');
    const r = await doctor([], { env: NO_ENV_CREDS });
    expect(r.code).toBe(3);
    expect(r.lines['config']!.status).toBe('fail');
    expect(r.lines['config']!.detail).toMatch(/config\.json cannot be read: .*JSON/);
    expect(r.lines['credentials']!.status).toBe('fail');
    expect(r.lines['api']).toMatchObject({ status: 'skip', detail: 'not checked: no credentials' });
  });

  it('proxy set: shows it without its credentials; an unreachable proxy fails the network check, exit 5', async () => {
    const r = await doctor([], { env: { HTTPS_PROXY: 'http://me:s3cret@proxy.test:3128' } });
    expect(r.lines['proxy']).toEqual({
      symbol: '✓',
      status: 'ok',
      detail: 'via http://***:***@proxy.test:3128/',
    });
    expect(r.lines['api']!.status).toBe('fail');
    expect(r.lines['clock']).toMatchObject({
      status: 'skip',
      detail: 'not checked: the server gave no answer',
    });
    expect(r.code).toBe(5);
    expect(r.stdout + r.stderr).not.toContain('s3cret');
  });

  it('proxy set but NO_PROXY exempts the API host', async () => {
    roomsOk();
    const r = await doctor([], { env: { HTTPS_PROXY: 'http://proxy.test:3128', NO_PROXY: '.enablex.test' } });
    expect(r.code).toBe(0);
    expect(r.lines['proxy']!.detail).toBe('none (NO_PROXY exempts api.enablex.test)');
  });

  it('an unparseable proxy URL fails before any request, exit 3', async () => {
    const r = await doctor([], { env: { HTTPS_PROXY: 'not a url' } });
    expect(r.code).toBe(3);
    expect(r.lines['proxy']!.status).toBe('fail');
    expect(r.lines['api']!.status).toBe('skip');
  });

  it('no credentials at all: fail with the hint, the rest skipped, exit 3', async () => {
    const r = await doctor([], { env: NO_ENV_CREDS });
    expect(r.code).toBe(3);
    expect(r.lines['config']!.status).toBe('ok');
    expect(r.lines['credentials']).toEqual({
      symbol: '✗',
      status: 'fail',
      detail:
        'no credentials: no ENABLEX_APP_ID / ENABLEX_APP_KEY in the environment and no profile. — Run `enablex profile add default`, or set ENABLEX_APP_ID and ENABLEX_APP_KEY. To try the CLI without an account, add --emulator.',
    });
    for (const check of ['base_url', 'proxy', 'api']) {
      expect(r.lines[check]).toEqual({ symbol: '-', status: 'skip', detail: 'not checked: no credentials' });
    }
    expect(r.lines['clock']!.status).toBe('skip');
    expect(r.stderr).toBe(
      'Error: 1 check failed: credentials.\nHint: Each failed line above says what to do.\n',
    );
  });

  it('half the environment credentials: fail naming the missing variable, exit 3', async () => {
    const r = await doctor([], { env: { ENABLEX_APP_KEY: undefined } });
    expect(r.code).toBe(3);
    expect(r.lines['credentials']!.detail).toContain('ENABLEX_APP_KEY is not set, but ENABLEX_APP_ID is.');
  });

  it.each([
    ['plain http to a remote host', 'http://api.example.com/video/v2', [], 'fail', 3],
    ['plain http to loopback', 'http://127.0.0.1:9/video/v2', ['--retries', '0'], 'warn', 5],
    ['not a URL', 'api.enablex.io', [], 'fail', 3],
  ])('base URL %s: %s', async (_name, baseUrl, extra, status, code) => {
    if (baseUrl.startsWith('http://127'))
      nock('http://127.0.0.1:9')
        .get('/video/v2/rooms')
        .replyWithError(netError('connect ECONNREFUSED', 'ECONNREFUSED'));
    const r = await doctor(extra, { env: { ENABLEX_BASE_URL: baseUrl } });
    expect(r.lines['base_url']!.status).toBe(status);
    expect(r.code).toBe(code);
    if (status === 'fail') expect(r.lines['api']!.status).toBe('skip');
  });

  it('a base URL that does not end in /video/v2 is a warning', async () => {
    nock('https://api.enablex.test')
      .get('/v1/rooms')
      .reply(200, { result: 0, rooms: [] }, { Date: dateAt(0) });
    const r = await doctor([], { env: { ENABLEX_BASE_URL: 'https://api.enablex.test/v1' } });
    expect(r.code).toBe(0);
    expect(r.lines['base_url']!.status).toBe('warn');
    expect(r.lines['base_url']!.detail).toContain('does not end in /video/v2');
  });

  const rooms = () => nock(API_ORIGIN).get('/video/v2/rooms');
  it.each([
    {
      name: 'refused connection',
      code: 5,
      stub: () => rooms().replyWithError(netError('connect ECONNREFUSED', 'ECONNREFUSED')),
      text: 'refused the connection',
    },
    {
      name: 'TLS failure',
      code: 5,
      stub: () => rooms().replyWithError(netError('certificate has expired', 'CERT_HAS_EXPIRED')),
      text: 'TLS to api.enablex.test failed',
    },
    {
      name: 'server error',
      code: 5,
      stub: () => rooms().reply(503, { result: '50000', error: 'busy' }, { Date: dateAt(0) }),
      text: 'server error',
    },
    {
      name: 'another refusal',
      code: 1,
      stub: () => rooms().reply(200, { result: '50002', error: 'Failed to list' }, { Date: dateAt(0) }),
      text: 'the API refused the request',
    },
  ])('$name: the api line fails, exit $code', async ({ code, stub, text }) => {
    stub();
    const r = await doctor();
    expect(r.lines['api']!.status).toBe('fail');
    expect(r.lines['api']!.detail).toContain(text);
    expect(r.code).toBe(code);
  });

  it('-o json prints one record per check, fix null when there is none', async () => {
    roomsOk(120);
    const r = await doctor(['-o', 'json']);
    expect(r.code).toBe(0);
    const records = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(records.map((x) => [x['check'], x['status']])).toEqual([
      ['config', 'ok'],
      ['credentials', 'ok'],
      ['base_url', 'ok'],
      ['proxy', 'ok'],
      ['api', 'ok'],
      ['clock', 'warn'],
    ]);
    expect(records[0]).toMatchObject({ fix: null });
    expect(records[5]).toMatchObject({
      detail:
        "this computer's clock is 120 s behind the server's; scheduled times and token windows depend on it",
      fix: 'turn on network time (for example `sudo timedatectl set-ntp true`)',
    });
  });

  it('colours the status on a terminal only', async () => {
    roomsOk();
    const tty = await doctor([], { stdoutTTY: true });
    expect(tty.stdout).toContain('\u001b[32m✓ ok\u001b[39m');
    roomsOk();
    const plain = await doctor([], { stdoutTTY: true, env: { NO_COLOR: '1' } });
    expect(plain.stdout).not.toContain('\u001b[');
  });

  it('colours by stdout alone: not when stdout is piped and stderr a terminal', async () => {
    roomsOk();
    const r = await doctor([], { stderrTTY: true });
    expect(r.lines['config']).toBeDefined();
    expect(r.stdout).not.toContain('\u001b[');
  });

  it("colours with the factory's stdout colours, not a chalk of its own", () => {
    const { f, ctx } = makeFactory({ stdoutTTY: true, env: { FORCE_COLOR: '3' } });
    Object.defineProperty(f.io, 'cStdout', { value: new Chalk({ level: 0 }) });
    printReport([{ check: 'config', status: 'ok', detail: 'fine' }], f);
    expect(ctx.out.text).toContain('✓ ok');
    expect(ctx.out.text).not.toContain('\u001b[');
  });

  it('the API call retries like any GET, and reads the Date of the last answer', async () => {
    nock(API_ORIGIN)
      .get('/video/v2/rooms')
      .reply(503, { result: '50000' }, { Date: dateAt(900) });
    roomsOk(5);
    const r = await doctor(['--retries', '1']);
    expect(r.code).toBe(0);
    expect(r.lines['clock']!.detail).toBe("within 5 s of the server's clock");
  });
});

describe('doctor needs its config folder only to read', () => {
  it('does not create a missing config folder when the environment holds credentials', async () => {
    const missing = join(config.dir, 'nested', 'enablex');
    roomsOk();
    const r = await runCli(['doctor'], { env: { ENABLEX_CONFIG_DIR: missing } });
    expect(r.code).toBe(0);
    expect(existsSync(missing)).toBe(false);
  });
});
