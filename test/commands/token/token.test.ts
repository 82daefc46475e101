import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { RESULT_HINTS } from '../../../src/api/result-codes.js';
import { API_ORIGIN, runCli } from '../../helpers/cli.js';
import { useNock } from '../../helpers/nock.js';

useNock();

const ROOM = '5f3b2c1a9d8e7f6a5b4c3d2e';
const PATH = `/video/v2/rooms/${ROOM}/tokens`;
/** What real tokens hold (NOTES.md): base64-encoded JSON, no dots. */
const CONTENTS = {
  tokenId: '65a1b2c3d4e5f60718293a4b',
  roomMeta: { room_id: ROOM, name: 'Standup', settings: { mode: 'group' } },
  host: 'rtc.enablex.test',
  secure: true,
  logId: 'log-1',
  signature: 'c2lnbmF0dXJl',
};
const TOKEN = Buffer.from(JSON.stringify(CONTENTS)).toString('base64');
const BASE_ARGS = ['token', ROOM, '--name', 'Ada Lovelace', '--user-ref', 'u-42'];
const EXPIRES = '2026-11-29T12:15:00.000Z';

describe('token: success', () => {
  it('sends name, role participant and user_ref; prints a key/value table and the token on its own line', async () => {
    nock(API_ORIGIN)
      .post(PATH, { name: 'Ada Lovelace', role: 'participant', user_ref: 'u-42' })
      .reply(200, { result: 0, token: TOKEN });
    const r = await runCli(BASE_ARGS);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`✓ Created a participant token for Ada Lovelace in room ${ROOM}`);
    expect(r.stderr).toContain(EXPIRES);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[lines.length - 1]).toBe(TOKEN);
    expect(r.stdout).toMatch(/room_id\s+5f3b2c1a9d8e7f6a5b4c3d2e/);
    expect(r.stdout).toMatch(/expires_at\s+2026-11-29T12:15:00.000Z/);
    expect(r.stdout).not.toMatch(/^token /m);
  });

  it('prints one JSON object with expires_at 15 minutes from now', async () => {
    nock(API_ORIGIN).post(PATH).reply(200, { result: 0, token: TOKEN });
    const r = await runCli([...BASE_ARGS, '-o', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      token: TOKEN,
      room_id: ROOM,
      role: 'participant',
      name: 'Ada Lovelace',
      user_ref: 'u-42',
      expires_at: EXPIRES,
    });
  });

  it('-q prints the bare token and nothing on stderr', async () => {
    nock(API_ORIGIN).post(PATH).reply(200, { result: 0, token: TOKEN });
    const r = await runCli([...BASE_ARGS, '-q']);
    expect(r).toMatchObject({ code: 0, stdout: `${TOKEN}\n`, stderr: '' });
  });

  it('sends the role and up to 5 --data keys', async () => {
    const data = { a: '1', b: '2', c: 'x=y', d: '', e: '5' };
    nock(API_ORIGIN)
      .post(PATH, { name: 'Host', role: 'moderator', user_ref: 'u-1', data })
      .reply(200, { result: 0, token: TOKEN });
    const r = await runCli([
      'token',
      ROOM,
      '--name',
      'Host',
      '--user-ref',
      'u-1',
      '--role',
      'moderator',
      ...Object.entries(data).flatMap(([k, v]) => ['--data', `${k}=${v}`]),
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ role: 'moderator', name: 'Host' });
  });

  it.each([['audience'], ['viewer']])('accepts --role %s', async (role) => {
    nock(API_ORIGIN)
      .post(PATH, { name: 'Ada Lovelace', role, user_ref: 'u-42' })
      .reply(200, { token: TOKEN });
    const r = await runCli([...BASE_ARGS, '--role', role, '-q']);
    expect(r.code).toBe(0);
  });

  it.each([
    ['result as a number', { result: 0, token: TOKEN }],
    ['result as a string', { result: '0', token: TOKEN }],
    ['no result key', { token: TOKEN }],
  ])('accepts %s', async (_label, body) => {
    nock(API_ORIGIN).post(PATH).reply(200, body);
    const r = await runCli([...BASE_ARGS, '-q']);
    expect(r).toMatchObject({ code: 0, stdout: `${TOKEN}\n` });
  });

  it('the route page sample answer (a JWT placeholder) is printed as is', async () => {
    nock(API_ORIGIN).post(PATH).reply(200, { result: 0, token: 'JWT_WEB_TOKEN' });
    const r = await runCli([...BASE_ARGS, '-q']);
    expect(r).toMatchObject({ code: 0, stdout: 'JWT_WEB_TOKEN\n' });
  });
});

describe('token: input checks (exit 2, nothing sent)', () => {
  it.each([
    [
      'an unknown role',
      [...BASE_ARGS, '--role', 'admin'],
      /--role.*admin.*moderator, participant, viewer, audience/,
    ],
    ['no --name', ['token', ROOM, '--user-ref', 'u-42'], /--name/],
    ['no --user-ref', ['token', ROOM, '--name', 'Ada'], /--user-ref/],
    ['an empty --name', ['token', ROOM, '--name', '  ', '--user-ref', 'u-42'], /--name must not be empty/],
    [
      'an empty --user-ref',
      ['token', ROOM, '--name', 'Ada', '--user-ref', ''],
      /--user-ref must not be empty/,
    ],
    ['an empty room', ['token', ' ', '--name', 'Ada', '--user-ref', 'u'], /<room-id> is empty/],
    [
      'a room name with a control character',
      ['token', 'a\u001bb', '--name', 'Ada', '--user-ref', 'u'],
      /<room-id> .* is neither a room id nor a room name/,
    ],
    ['no room id', ['token', '--name', 'Ada', '--user-ref', 'u'], /room-id/],
    [
      'six --data keys',
      [...BASE_ARGS, ...['a', 'b', 'c', 'd', 'e', 'f'].flatMap((k) => ['--data', `${k}=1`])],
      /--data allows at most 5 keys \(got 6\)/,
    ],
    ['a --data without =', [...BASE_ARGS, '--data', 'oops'], /--data "oops" must look like key=value/],
  ])('refuses %s', async (_label, argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});

describe('token --decode', () => {
  it('adds the decoded contents and says they are not verified', async () => {
    nock(API_ORIGIN).post(PATH).reply(200, { result: 0, token: TOKEN });
    const r = await runCli([...BASE_ARGS, '--decode', '-o', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.token).toBe(TOKEN);
    expect(out.decoded).toEqual(CONTENTS);
    expect(r.stderr).toMatch(/view of the token's contents, not verified/);
  });

  it('reads base64url without padding', async () => {
    const url = Buffer.from(JSON.stringify({ tokenId: '>>>???' })).toString('base64url');
    expect(url).toMatch(/[-_]/);
    nock(API_ORIGIN).post(PATH).reply(200, { result: 0, token: url });
    const r = await runCli([...BASE_ARGS, '--decode', '--json']);
    expect(JSON.parse(r.stdout).decoded).toEqual({ tokenId: '>>>???' });
  });

  it('reads a JWT-shaped token as header and payload', async () => {
    const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const jwt = `${part({ alg: 'HS256' })}.${part({ sub: 'u-42' })}.c2ln`;
    nock(API_ORIGIN).post(PATH).reply(200, { result: 0, token: jwt });
    const r = await runCli([...BASE_ARGS, '--decode', '--json']);
    expect(JSON.parse(r.stdout).decoded).toEqual({ header: { alg: 'HS256' }, payload: { sub: 'u-42' } });
    expect(r.stderr).toMatch(/not verified/);
  });

  it('shows base64 text that is not JSON as text', async () => {
    nock(API_ORIGIN)
      .post(PATH)
      .reply(200, { result: 0, token: Buffer.from('plain words').toString('base64') });
    const r = await runCli([...BASE_ARGS, '--decode', '--json']);
    expect(JSON.parse(r.stdout).decoded).toBe('plain words');
  });

  it('shows the decoded fields in the table, token still last', async () => {
    nock(API_ORIGIN).post(PATH).reply(200, { result: 0, token: TOKEN });
    const r = await runCli([...BASE_ARGS, '--decode']);
    expect(r.stdout).toMatch(/decoded\.tokenId\s+65a1b2c3d4e5f60718293a4b/);
    expect(r.stdout).toMatch(/decoded\.roomMeta\.settings\.mode\s+group/);
    expect(r.stdout.trimEnd().split('\n').pop()).toBe(TOKEN);
  });

  it.each([['not base64!'], ['JWT_WEB_TOKEN'], ['aGVsbG8.bad.parts']])(
    'says on stderr that %s cannot be decoded, exits 0 and prints the token',
    async (token) => {
      nock(API_ORIGIN).post(PATH).reply(200, { result: 0, token });
      const r = await runCli([...BASE_ARGS, '--decode', '--json']);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/could not be decoded/);
      expect(JSON.parse(r.stdout)).toMatchObject({ token });
      expect(JSON.parse(r.stdout).decoded).toBeUndefined();
    },
  );

  it('-q wins over --decode: the bare token only', async () => {
    nock(API_ORIGIN).post(PATH).reply(200, { result: 0, token: TOKEN });
    const r = await runCli([...BASE_ARGS, '--decode', '-q']);
    expect(r).toMatchObject({ code: 0, stdout: `${TOKEN}\n`, stderr: '' });
  });
});

describe('token: API errors', () => {
  it.each([
    [
      'room not found (40001)',
      200,
      { result: '40001', error: 'Room not found', desc: '' },
      4,
      RESULT_HINTS['40001'],
    ],
    [
      'bad credentials (10000)',
      200,
      { result: '10000', error: 'Application not found' },
      3,
      RESULT_HINTS['10000'],
    ],
    ['HTTP 401', 401, { result: '10000', error: 'Unauthorized' }, 3, RESULT_HINTS['10000']],
    ['HTTP 404 without result', 404, 'Not Found', 4, undefined],
    [
      'conference over (10111)',
      200,
      { result: '10111', error: '[Reason] Conference is over' },
      1,
      RESULT_HINTS['10111'],
    ],
    [
      'cut-off time (10112)',
      200,
      { result: 10112, error: 'Beyond permissible cut-off time' },
      1,
      RESULT_HINTS['10112'],
    ],
    [
      'room not active (10113)',
      400,
      { result: '10113', error: 'Room is not active' },
      1,
      RESULT_HINTS['10113'],
    ],
    ['role invalid (10104)', 200, { result: '10104', error: 'Invalid role' }, 1, RESULT_HINTS['10104']],
    ['server error', 500, { result: '50000', error: 'Internal' }, 5, undefined],
    ['a non-JSON answer', 200, '<html>proxy</html>', 5, undefined],
    ['an answer without a token', 200, { result: 0 }, 5, undefined],
    ['an empty answer', 200, '', 5, undefined],
  ])('%s', async (_label, status, body, code, hint) => {
    nock(API_ORIGIN).post(PATH).reply(status, body);
    const r = await runCli(BASE_ARGS);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Error: /);
    if (hint) expect(r.stderr).toContain(`Hint: ${hint}`);
  });

  it('never retries a POST that reached the server (500, --retries 3): exactly one request', async () => {
    let calls = 0;
    nock(API_ORIGIN)
      .post(PATH)
      .times(4)
      .optionally()
      .reply(() => {
        calls++;
        return [500, { result: '50000', error: 'Internal' }];
      });
    const r = await runCli([...BASE_ARGS, '--retries', '3']);
    expect(r.code).toBe(5);
    expect(calls).toBe(1);
    expect(r.ctx.sleeps).toEqual([]);
  });

  it('retries a POST after 429 with Retry-After, honouring it', async () => {
    nock(API_ORIGIN)
      .post(PATH)
      .reply(429, { error: 'slow down' }, { 'Retry-After': '2' })
      .post(PATH)
      .reply(200, { result: 0, token: TOKEN });
    const r = await runCli([...BASE_ARGS, '--retries', '3', '-q']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${TOKEN}\n`);
    expect(r.ctx.sleeps).toEqual([2000]);
  });

  it('the --verbose log hides the token and the credentials', async () => {
    nock(API_ORIGIN).post(PATH).reply(200, { result: 0, token: TOKEN });
    const r = await runCli([...BASE_ARGS, '--verbose', '-q']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`> POST ${API_ORIGIN}${PATH}`);
    expect(r.stderr).toContain('authorization: Basic [REDACTED]');
    expect(r.stderr).not.toContain(TOKEN);
  });
});
