import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULT_HINTS } from '../../../src/api/result-codes.js';
import { API_ORIGIN, TEST_ENV, runCli, tempConfigDir } from '../../helpers/cli.js';
import { useNock } from '../../helpers/nock.js';

useNock();

const ROOM = '5f3b2c1a9d8e7f6a5b4c3d2e';
const V2 = '/video/v2';
const ROOMS = { result: 0, rooms: [{ room_id: ROOM, name: 'Standup', settings: { mode: 'group' } }] };

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempConfigDir());
  writeFileSync(join(dir, 'token.json'), '{"name":"Ada","role":"viewer","user_ref":"u-9"}');
  writeFileSync(join(dir, 'broken.json'), '{"name":');
  writeFileSync(join(dir, 'empty.json'), '  \n');
});
afterAll(() => cleanup());

describe('api: calls', () => {
  it.each([
    ['get', 'rooms'],
    ['GET', '/rooms'],
    ['gEt', 'rooms'],
  ])('%s %s sends GET /rooms and prints the body as pretty JSON', async (method, path) => {
    nock(API_ORIGIN).get(`${V2}/rooms`).reply(200, ROOMS);
    const r = await runCli(['api', method, path]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(JSON.stringify(ROOMS, null, 2) + '\n');
    expect(r.stderr).toBe('');
  });

  it('keeps a query string', async () => {
    nock(API_ORIGIN).get(`${V2}/rooms`).query({ name: 'a b' }).reply(200, ROOMS);
    const r = await runCli(['api', 'GET', 'rooms?name=a%20b']);
    expect(r.code).toBe(0);
  });

  it('sends the Basic credentials of the profile', async () => {
    const basic = Buffer.from(`${TEST_ENV.ENABLEX_APP_ID}:${TEST_ENV.ENABLEX_APP_KEY}`).toString('base64');
    nock(API_ORIGIN, { reqheaders: { authorization: `Basic ${basic}` } })
      .get(`${V2}/rooms/${ROOM}/users`)
      .reply(200, { result: 0, users: null });
    const r = await runCli(['api', 'get', `/rooms/${ROOM}/users`]);
    expect(JSON.parse(r.stdout)).toEqual({ result: 0, users: null });
  });

  it.each([
    ['yaml', '-o', 'yaml', 'result: 0\nrooms:\n'],
    ['ndjson', '-o', 'ndjson', JSON.stringify(ROOMS) + '\n'],
    ['table', '-o', 'table', 'result  0'],
  ])('honours -o %s', async (_label, flag, format, expected) => {
    nock(API_ORIGIN).get(`${V2}/rooms`).reply(200, ROOMS);
    const r = await runCli(['api', 'get', 'rooms', flag, format]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(expected);
  });

  it('applies --fields', async () => {
    nock(API_ORIGIN).get(`${V2}/rooms/${ROOM}`).reply(200, { result: 0, room: ROOMS.rooms[0] });
    const r = await runCli(['api', 'get', `rooms/${ROOM}`, '--fields', 'room.name,room.settings.mode']);
    expect(JSON.parse(r.stdout)).toEqual({ room: { name: 'Standup', settings: { mode: 'group' } } });
  });

  it('POSTs inline JSON', async () => {
    nock(API_ORIGIN)
      .post(`${V2}/rooms`, { name: 'X', owner_ref: 'o', settings: { mode: 'group' } })
      .reply(200, { result: 0, room: { room_id: ROOM } });
    const r = await runCli([
      'api',
      'post',
      'rooms',
      '--data',
      '{"name":"X","owner_ref":"o","settings":{"mode":"group"}}',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ result: 0, room: { room_id: ROOM } });
  });

  it('POSTs a body from @file, relative to the working folder', async () => {
    nock(API_ORIGIN)
      .post(`${V2}/rooms/${ROOM}/tokens`, { name: 'Ada', role: 'viewer', user_ref: 'u-9' })
      .reply(200, { result: 0, token: 'abc' });
    const r = await runCli(['api', 'POST', `rooms/${ROOM}/tokens`, '--data', '@token.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ result: 0, token: 'abc' });
  });

  it('PATCHes a body from @- (stdin)', async () => {
    nock(API_ORIGIN)
      .patch(`${V2}/rooms/${ROOM}`, { settings: { quality: 'HD' } })
      .reply(200, { result: 0 });
    const r = await runCli(['api', 'patch', `rooms/${ROOM}`, '--data', '@-'], {
      stdin: '{"settings": {"quality": "HD"}}\n',
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ result: 0 });
  });

  it('PUTs a JSON array', async () => {
    nock(API_ORIGIN).put(`${V2}/things`, [1, 2]).reply(200, { ok: true });
    const r = await runCli(['api', 'put', 'things', '--data', '[1,2]']);
    expect(JSON.parse(r.stdout)).toEqual({ ok: true });
  });

  it('an empty answer to DELETE prints nothing and says done', async () => {
    nock(API_ORIGIN).delete(`${V2}/rooms/${ROOM}`).reply(204);
    const r = await runCli(['api', 'delete', `rooms/${ROOM}`]);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(r.stderr).toContain(`✓ Sent DELETE /rooms/${ROOM}; the answer was empty.`);
  });

  it('warns when the path repeats the base URL prefix', async () => {
    nock(API_ORIGIN).get(`${V2}/video/v2/rooms`).reply(404, '');
    const r = await runCli(['api', 'get', 'video/v2/rooms']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('the base URL already ends in /video/v2');
  });

  it('logs the exchange with --verbose, credentials redacted', async () => {
    nock(API_ORIGIN).get(`${V2}/rooms`).reply(200, ROOMS);
    const r = await runCli(['api', 'get', 'rooms', '--verbose']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`> GET ${API_ORIGIN}${V2}/rooms`);
    expect(r.stderr).toContain('authorization: Basic [REDACTED]');
    expect(r.stderr).not.toContain(TEST_ENV.ENABLEX_APP_KEY);
  });
});

describe('api: secrets in answers', () => {
  const DIALIN = { app_key: 'RawAppKey123', sip: { username: 'u', password: 'RawSipPass456' }, dialin: [] };

  it('hides app_key and passwords, even with --verbose', async () => {
    nock(API_ORIGIN).get(`${V2}/dialin/`).reply(200, DIALIN);
    const r = await runCli(['api', 'get', 'dialin/', '--verbose']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      ...DIALIN,
      app_key: '[hidden]',
      sip: { username: 'u', password: '[hidden]' },
    });
    expect(r.stderr).toContain('Hidden: app_key, sip.password (pass --show-secrets to show them).');
    for (const secret of ['RawAppKey123', 'RawSipPass456']) expect(r.stdout + r.stderr).not.toContain(secret);
  });

  it('shows them with --show-secrets', async () => {
    nock(API_ORIGIN).get(`${V2}/dialin/`).reply(200, DIALIN);
    const r = await runCli(['api', 'get', 'dialin/', '--show-secrets']);
    expect(JSON.parse(r.stdout)).toEqual(DIALIN);
  });

  it('does not hide a token: it is what a token call is for', async () => {
    nock(API_ORIGIN).post(`${V2}/rooms/${ROOM}/tokens`).reply(200, { result: 0, token: 'tok' });
    const r = await runCli(['api', 'post', `rooms/${ROOM}/tokens`, '--data', '{}']);
    expect(JSON.parse(r.stdout)).toEqual({ result: 0, token: 'tok' });
  });
});

describe('api: input checks (exit 2, nothing sent)', () => {
  it.each([
    ['an unknown method', ['api', 'HEAD', 'rooms'], /<method> must be one of GET, POST, PATCH, PUT, DELETE/],
    ['a made-up method', ['api', 'fetch', 'rooms'], /<method>.*"fetch"/],
    ['an https URL', ['api', 'get', 'https://evil.test/video/v2/rooms'], /<path>.*not an absolute URL/],
    ['an http URL', ['api', 'get', 'HTTP://evil.test/x'], /<path>.*not an absolute URL/],
    ['a protocol-relative URL', ['api', 'get', '//evil.test/x'], /<path>.*not an absolute URL/],
    ['a backslash', ['api', 'get', '\\\\evil.test\\x'], /<path>/],
    ['a .. segment', ['api', 'get', '../v1/rooms'], /<path>.*"\.\." segments/],
    ['a deeper .. segment', ['api', 'get', 'rooms/x/../../../etc'], /<path>.*"\.\." segments/],
    ['an encoded .. segment', ['api', 'get', 'rooms/%2e%2E/x'], /<path>.*"\.\." segments/],
    ['an encoded slash', ['api', 'get', 'rooms/a%2F..'], /<path>.*encoded slashes/],
    ['a . segment', ['api', 'get', './rooms'], /<path>/],
    ['a broken escape', ['api', 'get', 'rooms/%zz'], /<path>.*%-escape/],
    ['an empty path', ['api', 'get', ''], /<path> is empty/],
    ['a bare slash', ['api', 'get', '/'], /<path> is empty/],
    // The URL parser drops a leading space: `/ /` would otherwise be the root of the host.
    ['slashes around a space', ['api', 'get', '/ /'], /<path> is empty/],
    ['no path', ['api', 'get'], /path/],
    ['--data with GET', ['api', 'get', 'rooms', '--data', '{}'], /--data cannot be sent with GET/],
    [
      'invalid inline JSON',
      ['api', 'post', 'rooms', '--data', '{name: x}'],
      /--data: the value is not valid JSON/,
    ],
    ['empty inline JSON', ['api', 'post', 'rooms', '--data', ' '], /--data: the value is empty/],
    ['a missing @file', ['api', 'post', 'rooms', '--data', '@nope.json'], /--data @nope\.json: no such file/],
    ['a folder as @file', ['api', 'post', 'rooms', '--data', '@.'], /--data @\.: is a folder/],
    [
      'an @file with broken JSON',
      ['api', 'post', 'rooms', '--data', '@broken.json'],
      /--data: broken\.json is not valid JSON/,
    ],
    ['an empty @file', ['api', 'post', 'rooms', '--data', '@empty.json'], /--data: empty\.json is empty/],
    ['a bare @', ['api', 'post', 'rooms', '--data', '@'], /--data @ needs a file name/],
  ])('refuses %s', async (_label, argv, message) => {
    const r = await runCli(argv, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('refuses @- when stdin is a terminal', async () => {
    const r = await runCli(['api', 'post', 'rooms', '--data', '@-'], { stdinTTY: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--data @- reads standard input, but it is a terminal/);
  });

  it('refuses invalid JSON on stdin', async () => {
    const r = await runCli(['api', 'post', 'rooms', '--data', '@-'], { stdin: 'not json' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--data: standard input is not valid JSON/);
  });
});

describe('api: API errors and retries', () => {
  it.each([
    ['not found (40001)', 200, { result: '40001', error: 'Room not found' }, 4, RESULT_HINTS['40001']],
    [
      'bad credentials (10000)',
      200,
      { result: 10000, error: 'Application not found' },
      3,
      RESULT_HINTS['10000'],
    ],
    [
      'an unknown key (10009)',
      400,
      { result: '10009', error: '[Reason] Unknown key' },
      1,
      'The --data body holds a key the API does not know: remove it.',
    ],
    ['server error', 500, { result: '50000' }, 5, undefined],
    ['a non-JSON answer', 200, 'plain text', 5, undefined],
  ])('%s', async (_label, status, body, code, hint) => {
    nock(API_ORIGIN).get(`${V2}/rooms/${ROOM}`).reply(status, body);
    const r = await runCli(['api', 'get', `rooms/${ROOM}`]);
    expect(r.code).toBe(code);
    // The error answer on stdout, as `gh api` prints it; nothing for a body that is not JSON.
    expect(r.stdout).toBe(typeof body === 'string' ? '' : `${JSON.stringify(body, null, 2)}\n`);
    if (hint) expect(r.stderr).toContain(`Hint: ${hint}`);
  });

  it('tells `api post rooms` about body keys, not flags, and prints the answer on stdout', async () => {
    const answer = { result: '10010', error: 'owner_ref missing' };
    nock(API_ORIGIN).post(`${V2}/rooms`).reply(200, answer);
    const r = await runCli(['api', 'post', 'rooms', '--data', '{"name":"x"}']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual(answer);
    expect(r.stderr).toContain(
      'Hint: The room needs an owner reference: add "owner_ref" to the --data body.',
    );
    expect(r.stderr).not.toContain('--owner-ref');
  });

  it('hides secrets in an error answer too', async () => {
    nock(API_ORIGIN)
      .get(`${V2}/dialin/`)
      .reply(500, { result: '50000', app_key: 'LeakedAppKey1234567890abcdefghijkl' });
    const r = await runCli(['api', 'get', 'dialin/']);
    expect(r.code).toBe(5);
    expect(r.stdout).not.toContain('LeakedAppKey');
    expect(r.stdout).toContain('"result": "50000"');
  });

  /** A stub that answers 500 up to `max` times and counts the requests. */
  function counting500(method: 'post' | 'delete', path: string, max: number): { calls: () => number } {
    let calls = 0;
    const scope = nock(API_ORIGIN);
    const interceptor = method === 'post' ? scope.post(path) : scope.delete(path);
    interceptor
      .times(max)
      .optionally()
      .reply(() => {
        calls++;
        return [500, { result: '50000', error: 'Internal' }];
      });
    return { calls: () => calls };
  }

  it('never retries a POST that reached the server (500, --retries 3)', async () => {
    const stub = counting500('post', `${V2}/rooms`, 4);
    const r = await runCli(['api', 'post', 'rooms', '--data', '{}', '--retries', '3']);
    expect(r.code).toBe(5);
    expect(stub.calls()).toBe(1);
  });

  it('retries a DELETE on 500 (--retries 3 makes four requests)', async () => {
    const stub = counting500('delete', `${V2}/rooms/${ROOM}`, 4);
    const r = await runCli(['api', 'delete', `rooms/${ROOM}`, '--retries', '3']);
    expect(r.code).toBe(5);
    expect(stub.calls()).toBe(4);
    expect(r.ctx.sleeps).toHaveLength(3);
  });

  it('retries a POST after 429 with Retry-After', async () => {
    nock(API_ORIGIN)
      .post(`${V2}/rooms`)
      .reply(429, '', { 'Retry-After': '3' })
      .post(`${V2}/rooms`)
      .reply(200, { result: 0, room: { room_id: ROOM } });
    const r = await runCli(['api', 'post', 'rooms', '--data', '{}', '--retries', '3']);
    expect(r.code).toBe(0);
    expect(r.ctx.sleeps).toEqual([3000]);
  });
});
