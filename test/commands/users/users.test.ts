import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { RESULT_HINTS } from '../../../src/api/result-codes.js';
import { API_ORIGIN, runCli } from '../../helpers/cli.js';
import { useNock } from '../../helpers/nock.js';

useNock();

const ROOM = '5f3b2c1a9d8e7f6a5b4c3d2e';
const PATH = `/video/v2/rooms/${ROOM}/users`;
/** The route page's sample answer for an active room. */
const SAMPLE = {
  result: 0,
  total: 1,
  users: [
    {
      name: 'User Name',
      user_ref: 'xxx',
      role: 'participant',
      permissions: { publish: true, subscribe: true, record: false, stats: true, controlhandlers: true },
    },
  ],
};
const MODERATOR = {
  name: 'Host',
  user_ref: 'u-1',
  role: 'moderator',
  permissions: { publish: true, subscribe: true, record: true, stats: true, controlhandlers: true },
};
const EMPTY_NOTE = `No session in progress in room ${ROOM}: nobody is connected.\n`;

describe('users: success', () => {
  it('prints the sample answer as a table with the permission columns', async () => {
    nock(API_ORIGIN).get(PATH).reply(200, SAMPLE);
    const r = await runCli(['users', ROOM]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const rows = r.stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.split(/\s{2,}/)).toEqual([
      'name',
      'user_ref',
      'role',
      'publish',
      'subscribe',
      'record',
      'stats',
      'controlhandlers',
    ]);
    expect(r.stdout).toMatch(/^User Name\s+xxx\s+participant\s+true\s+true\s+false/m);
  });

  it('prints the users array as JSON', async () => {
    nock(API_ORIGIN)
      .get(PATH)
      .reply(200, { ...SAMPLE, total: 2, users: [...SAMPLE.users, MODERATOR] });
    const r = await runCli(['users', ROOM, '-o', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([...SAMPLE.users, MODERATOR]);
  });

  it('flattens permissions in CSV', async () => {
    nock(API_ORIGIN).get(PATH).reply(200, SAMPLE);
    const r = await runCli(['users', ROOM, '-o', 'csv', '--fields', 'name,role,permissions.record']);
    expect(r.stdout).toBe('name,role,permissions.record\r\nUser Name,participant,false\r\n');
  });

  it('-q prints the user references', async () => {
    nock(API_ORIGIN)
      .get(PATH)
      .reply(200, { result: '0', users: [...SAMPLE.users, MODERATOR] });
    const r = await runCli(['users', ROOM, '-q']);
    expect(r).toMatchObject({ code: 0, stdout: 'xxx\nu-1\n', stderr: '' });
  });

  it.each([
    ['users: null', { result: 0, total: 0, users: null }],
    ['users: []', { result: 0, total: 0, users: [] }],
    ['no users key', { result: 0 }],
    ['result as a string', { result: '0', users: null }],
  ])('%s is an empty room: a note, exit 0, JSON []', async (_label, body) => {
    nock(API_ORIGIN).get(PATH).reply(200, body);
    const json = await runCli(['users', ROOM, '--json']);
    expect(json).toMatchObject({ code: 0, stdout: '[]\n', stderr: EMPTY_NOTE });
    nock(API_ORIGIN).get(PATH).reply(200, body);
    const table = await runCli(['users', ROOM]);
    expect(table).toMatchObject({ code: 0, stdout: '', stderr: EMPTY_NOTE });
  });

  it('retries a GET on 503 and succeeds', async () => {
    nock(API_ORIGIN).get(PATH).twice().reply(503, 'busy').get(PATH).reply(200, SAMPLE);
    const r = await runCli(['users', ROOM, '--retries', '2', '--json']);
    expect(r.code).toBe(0);
    expect(r.ctx.sleeps).toHaveLength(2);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });
});

describe('users: failures', () => {
  it.each([
    ['room not found (40001)', 200, { result: '40001', error: 'Room not found' }, 4, RESULT_HINTS['40001']],
    [
      'bad credentials (10000)',
      200,
      { result: '10000', error: 'Application not found' },
      3,
      RESULT_HINTS['10000'],
    ],
    ['HTTP 403', 403, '', 3, RESULT_HINTS['10000']],
    ['server error', 502, { result: '50003' }, 5, undefined],
    ['a non-JSON answer', 200, 'Service Unavailable', 5, undefined],
    ['users that are not a list', 200, { result: 0, users: { name: 'x' } }, 5, undefined],
    ['another API refusal', 400, { result: '50002', error: 'Failed to list' }, 1, RESULT_HINTS['50002']],
  ])('%s', async (_label, status, body, code, hint) => {
    nock(API_ORIGIN).get(PATH).reply(status, body);
    const r = await runCli(['users', ROOM]);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Error: /);
    if (hint) expect(r.stderr).toContain(`Hint: ${hint}`);
  });

  it.each([['a/b'], ['..'], ['x%2f']])(
    'looks %s up as a room name, never putting it in a URL (exit 4 when no room has it)',
    async (ref) => {
      nock(API_ORIGIN).get('/video/v2/rooms').reply(200, { result: 0, rooms: [] });
      const r = await runCli(['users', ref]);
      expect(r.code).toBe(4);
      expect(r.stderr).toContain(`<room-id> "${ref}": no room has this name`);
    },
  );

  it('needs a room id', async () => {
    const r = await runCli(['users']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/room-id/);
  });
});
