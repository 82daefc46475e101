import { Command } from 'commander';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addSettingFlags } from '../../../src/commands/room/flags.js';
import { API_ORIGIN, runCli, tempConfigDir } from '../../helpers/cli.js';
import { useNock } from '../../helpers/nock.js';

useNock();

const api = () => nock(API_ORIGIN);
const ROOM = {
  name: 'Topic or Room Title',
  owner_ref: 'xyz',
  settings: {
    description: 'Descriptive text',
    mode: 'group',
    scheduled: false,
    adhoc: false,
    duration: 50,
    moderators: '2',
    participants: '10',
    quality: 'HD',
    max_active_talkers: true,
    role_based_recording: { moderator: 'audiovideo', participant: 'audio' },
  },
  sip: { enabled: true, pin: 99999, meeting_id: 99999 },
  data: { custom_key: '' },
  created: '2018-07-12T11:30:24.851Z',
  room_id: '5f3b2c1a9d8e7f6a5b4c3d2e',
};
const ID = ROOM.room_id;

let cfg: ReturnType<typeof tempConfigDir>;
beforeEach(() => {
  cfg = tempConfigDir();
});
afterEach(() => cfg.cleanup());
const env = () => ({ ENABLEX_CONFIG_DIR: cfg.dir });

describe('room create', () => {
  it('posts the body and prints the room id with -q', async () => {
    api()
      .post('/video/v2/rooms', {
        name: 'Standup',
        owner_ref: 'team-7',
        settings: { participants: '10', quality: 'HD' },
      })
      .reply(200, { result: 0, room: { ...ROOM, room_id: 'newid' } });
    const r = await runCli(
      [
        'room',
        'create',
        '--name',
        'Standup',
        '--owner-ref',
        'team-7',
        '--participants',
        '10',
        '--quality',
        'HD',
        '-q',
      ],
      { env: env() },
    );
    expect(r).toMatchObject({ code: 0, stdout: 'newid\n', stderr: '' });
  });

  it.each([
    [['--quality', 'hd'], { quality: 'HD' }],
    [['--quality', 'Sd'], { quality: 'SD' }],
    [['--mode', 'LECTURE'], { mode: 'lecture' }],
    [['--media-zone', 'us'], { media_zone: 'US' }],
    [['--record-moderator', 'AUDIO'], { role_based_recording: { moderator: 'audio' } }],
  ])('enum flags take any case, as --file does: %j sends %j', async (flags, settings) => {
    api()
      .post('/video/v2/rooms', { name: 'x', owner_ref: 'y', settings })
      .reply(200, { result: 0, room: { ...ROOM, room_id: 'newid' } });
    const r = await runCli(['room', 'create', '--name', 'x', '--owner-ref', 'y', ...flags, '-q'], {
      env: env(),
    });
    expect(r).toMatchObject({ code: 0, stdout: 'newid\n' });
  });

  it.each([
    [
      ['--quality', 'xx'],
      "option '--quality <quality>' argument 'xx' is invalid. Allowed choices are HD, SD, LD.",
    ],
    [
      ['--mode', 'solo'],
      "option '--mode <mode>' argument 'solo' is invalid. Allowed choices are group, lecture.",
    ],
  ])('an enum flag outside its choices exits 2 naming the flag: %j', async (flags, message) => {
    const r = await runCli(['room', 'create', '--name', 'x', '--owner-ref', 'y', ...flags], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Error: ${message}`);
    expect(r.stderr).toContain('Hint: See `enablex room create --help`.');
  });

  it('help and completions still see the choices of an enum flag', async () => {
    const cmd = addSettingFlags(new Command('create'));
    const quality = cmd.options.find((o) => o.long === '--quality');
    expect(quality?.argChoices).toEqual(['HD', 'SD', 'LD']);
    const r = await runCli(['room', 'create', '--help']);
    expect(r.stdout).toMatch(/--quality <quality> .*\(choices: HD, SD, LD\)/);
  });

  it('prints the room as JSON with a success line on stderr', async () => {
    api().post('/video/v2/rooms').reply(200, { result: 0, room: ROOM });
    const r = await runCli(['room', 'create', '--name', 'x', '--owner-ref', 'y', '-o', 'json'], {
      env: env(),
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(ROOM);
    expect(r.stderr).toContain(`Created room ${ID}`);
  });

  it('--dry-run sends nothing and needs no credentials', async () => {
    const r = await runCli(
      ['room', 'create', '--name', 'x', '--owner-ref', 'y', '--mode', 'lecture', '--dry-run'],
      { env: { ...env(), ENABLEX_APP_ID: '', ENABLEX_APP_KEY: '' } },
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      method: 'POST',
      path: '/rooms',
      body: { name: 'x', owner_ref: 'y', settings: { mode: 'lecture' } },
    });
  });

  it('reads a YAML body from stdin with -f -', async () => {
    api()
      .post('/video/v2/rooms', {
        name: 'Y',
        owner_ref: 'o',
        settings: { mode: 'lecture', participants: '50' },
      })
      .reply(200, { result: 0, room: ROOM });
    const r = await runCli(['room', 'create', '-f', '-', '--participants', '50', '-q'], {
      env: env(),
      stdin: 'name: Y\nowner_ref: o\nsettings:\n  mode: lecture\n  participants: 5\n',
    });
    expect(r.code).toBe(0);
  });

  it.each([
    [['--name', 'x'], /--owner-ref is required/],
    [
      ['--name', 'x', '--owner-ref', 'y', '--mode', 'party'],
      /--mode <mode>' argument 'party' is invalid. Allowed choices are group, lecture/,
    ],
    [['--name', 'x', '--owner-ref', 'y', '--duration', '5'], /--duration: must be at least 10/],
    [['--name', 'x', '--owner-ref', 'y', '-f', 'missing.json'], /--file missing.json: no such file/],
    [['--name', 'x', '--owner-ref', 'y', '--data', 'novalue'], /--data "novalue" must look like key=value/],
    [['--name', 'x', '--owner-ref', 'y', '--bogus'], /unknown option '--bogus'/],
  ])('exit 2 and nothing sent for %j', async (args, message) => {
    const r = await runCli(['room', 'create', ...args], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('a POST failing with 500 is not retried and exits 5', async () => {
    api()
      .post('/video/v2/rooms')
      .reply(500, { result: '50001', error: '[Reason] Failed to create Room', desc: '' });
    const r = await runCli(['room', 'create', '--name', 'x', '--owner-ref', 'y', '--retries', '3'], {
      env: env(),
    });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('Failed to create Room (result 50001, HTTP 500)');
    expect(r.ctx.sleeps).toEqual([]);
  });

  it('an API refusal on 200 exits 1 with the hint', async () => {
    api().post('/video/v2/rooms').reply(200, { result: '10007', error: 'Invalid participants', desc: '' });
    const r = await runCli(['room', 'create', '--name', 'x', '--owner-ref', 'y'], { env: env() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /Error: POST \/rooms: the API refused the request: Invalid participants \(result 10007, HTTP 200\)\nHint: .*participant/,
    );
    expect(r.stderr).not.toMatch(/at .*\.ts/);
  });
});

describe('room list', () => {
  const rooms = [ROOM, { ...ROOM, room_id: 'b', name: 'Other', owner_ref: 'team-7' }];

  it('shows a table with the documented columns', async () => {
    api().get('/video/v2/rooms').reply(200, { result: 0, rooms });
    const r = await runCli(['room', 'list'], { env: env() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/room_id.*name.*owner_ref.*settings\.mode/);
    expect(r.stdout).toContain('Topic or Room Title');
  });

  it('filters by name (any case) and owner on the client', async () => {
    api().get('/video/v2/rooms').twice().reply(200, { result: 0, rooms });
    expect((await runCli(['room', 'list', '--name', 'oth', '-q'], { env: env() })).stdout).toBe('b\n');
    expect((await runCli(['room', 'list', '--owner-ref', 'xyz', '-q'], { env: env() })).stdout).toBe(
      `${ID}\n`,
    );
  });

  it('copes with loosely typed rooms and a missing list', async () => {
    api().get('/video/v2/rooms').reply(200, { result: '0' });
    const r = await runCli(['room', 'list', '--json'], { env: env() });
    expect(r).toMatchObject({ code: 0, stdout: '[]\n' });
  });

  it('refuses a --fields name no room has (a typo), exit 2', async () => {
    api().get('/video/v2/rooms').reply(200, { result: 0, rooms });
    const r = await runCli(['room', 'list', '-o', 'json', '--fields', 'room_id,nmae'], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /--fields: no record has "nmae".*\nHint: Fields here: name, owner_ref, .*room_id/,
    );
    expect(r.stdout).toBe('');
  });

  it('says so on stderr when there are no rooms', async () => {
    api().get('/video/v2/rooms').reply(200, { result: 0, rooms: [] });
    const r = await runCli(['room', 'list'], { env: env() });
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(r.stderr).toContain('No rooms yet');
  });

  it('bad credentials exit 3 with a hint', async () => {
    api().get('/video/v2/rooms').reply(401, { result: '10000', error: 'Application not found', desc: '' });
    const r = await runCli(['room', 'list'], { env: env() });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/authentication failed.*\nHint: .*app id and app key/);
  });

  it('retries a 503 for a GET and succeeds', async () => {
    api().get('/video/v2/rooms').reply(503, 'busy').get('/video/v2/rooms').reply(200, { result: 0, rooms });
    const r = await runCli(['room', 'list', '--retries', '2', '-q'], { env: env() });
    expect(r.code).toBe(0);
    expect(r.ctx.sleeps).toHaveLength(1);
  });

  it('a non-JSON answer exits 5', async () => {
    api().get('/video/v2/rooms').reply(200, '<html>proxy login</html>');
    const r = await runCli(['room', 'list'], { env: env() });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('not readable JSON');
  });

  it('no credentials at all exits 3', async () => {
    const r = await runCli(['room', 'list'], {
      env: { ...env(), ENABLEX_APP_ID: undefined, ENABLEX_APP_KEY: undefined },
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('no credentials');
  });

  it('a proxy setting that is not a URL is a configuration error (exit 3), nothing sent', async () => {
    const r = await runCli(['room', 'list'], { env: { ...env(), HTTPS_PROXY: 'notaurl' } });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/HTTPS_PROXY \(or ALL_PROXY\) is not an http\(s\) URL/);
  });

  it('refuses a plain http base URL to a remote host', async () => {
    const r = await runCli(['room', 'list', '--base-url', 'http://api.enablex.io/video/v2'], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--insecure');
  });
});

describe('room get', () => {
  it('prints the room; loosely typed fields do not break it', async () => {
    api().get(`/video/v2/rooms/${ID}`).reply(200, { result: 0, room: ROOM });
    const r = await runCli(
      ['room', 'get', ID, '-o', 'yaml', '--fields', 'room_id,settings.max_active_talkers,sip.pin'],
      { env: env() },
    );
    expect(r.stdout).toBe(`room_id: ${ID}\nsettings:\n  max_active_talkers: true\nsip:\n  pin: 99999\n`);
  });

  it('not found exits 4', async () => {
    api().get(`/video/v2/rooms/${ID}`).reply(200, { result: '40001', error: 'Room not found' });
    const r = await runCli(['room', 'get', ID], { env: env() });
    expect(r.code).toBe(4);
  });

  it.each(['../dialin', 'a/b', '..', 'a b', '%2e%2e'])(
    'refuses the id %j before sending anything',
    async (id) => {
      const r = await runCli(['room', 'get', id], { env: env() });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('not a valid id');
    },
  );
});

describe('room update', () => {
  it('sends only the given keys', async () => {
    api()
      .patch(`/video/v2/rooms/${ID}`, { settings: { participants: '15', knock: false } })
      .reply(200, { result: 0 });
    const r = await runCli(['room', 'update', ID, '--participants', '15', '--no-knock'], { env: env() });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Updated room ${ID}`);
  });

  it('refuses --mode with exit 2', async () => {
    const r = await runCli(['room', 'update', ID, '--mode', 'lecture'], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--mode cannot be changed');
  });

  it('retries a PATCH on 503', async () => {
    api().patch(`/video/v2/rooms/${ID}`).reply(503).patch(`/video/v2/rooms/${ID}`).reply(200, { result: 0 });
    expect((await runCli(['room', 'update', ID, '--name', 'N', '--retries', '1'], { env: env() })).code).toBe(
      0,
    );
  });

  it('reports 10030 (session in progress) as exit 1 with its hint', async () => {
    api().patch(`/video/v2/rooms/${ID}`).reply(200, { result: '10030', error: 'Update denied' });
    const r = await runCli(['room', 'update', ID, '--name', 'N'], { env: env() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('session in progress');
  });
});

describe('room delete', () => {
  it('needs --yes without a terminal, and sends nothing', async () => {
    const r = await runCli(['room', 'delete', ID], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('without --yes (not a terminal)');
  });

  it('never prompts in CI even on a terminal', async () => {
    const r = await runCli(['room', 'delete', ID], {
      env: { ...env(), CI: 'true' },
      stdinTTY: true,
      stderrTTY: true,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('CI is set');
  });

  it('deletes several rooms with --yes', async () => {
    api()
      .delete(`/video/v2/rooms/${ID}`)
      .reply(200, { result: 0 })
      .delete('/video/v2/rooms/b')
      .reply(200, { result: 0 });
    const r = await runCli(['room', 'delete', ID, 'b', '--yes', '-o', 'json'], { env: env() });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { room_id: ID, deleted: true },
      { room_id: 'b', deleted: true },
    ]);
  });

  it('exits 6 when some deletions fail, 4 when the only one is missing', async () => {
    api()
      .delete(`/video/v2/rooms/${ID}`)
      .reply(200, { result: 0 })
      .delete('/video/v2/rooms/b')
      .reply(200, { result: '40001', error: 'Room not found' });
    const partial = await runCli(['room', 'delete', ID, 'b', '--yes'], { env: env() });
    expect(partial.code).toBe(6);
    expect(partial.stderr).toContain('1 of 2 rooms were not deleted');
    api().delete('/video/v2/rooms/b').reply(404, { result: '40001', error: 'Room not found' });
    expect((await runCli(['room', 'delete', 'b', '--yes'], { env: env() })).code).toBe(4);
  });

  it('goes on after a refused or missing room, with a ✗ line each even with -q, and exits 6', async () => {
    api()
      .delete('/video/v2/rooms/a')
      .reply(200, { result: '1234', error: 'Room is busy' })
      .delete('/video/v2/rooms/b')
      .reply(404, { result: '40001', error: 'Room not found' })
      .delete('/video/v2/rooms/c')
      .reply(200, { result: 0 });
    const r = await runCli(['room', 'delete', 'a', 'b', 'c', '--yes', '-q'], { env: env() });
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/^✗ a: .*Room is busy/m);
    expect(r.stderr).toMatch(/^✗ b: /m);
    expect(r.stderr).not.toContain('Deleted room c.');
    expect(r.stderr).toContain('2 of 3 rooms were not deleted');
  });

  it.each([
    ['refused credentials', 401, 3],
    ['a server failure', 503, 5],
  ])('stops at once on %s (HTTP %i, exit %i), trying no other id', async (_what, status, code) => {
    api()
      .delete('/video/v2/rooms/a')
      .reply(200, { result: 0 })
      .delete('/video/v2/rooms/b')
      .reply(status, { result: String(status), error: 'nope' });
    const r = await runCli(['room', 'delete', 'a', 'b', 'c', 'd', '--yes'], { env: env() });
    expect(r.code).toBe(code);
    expect(r.stderr).toContain('Deleted room a.');
    expect(r.stderr).toContain('Stopped at room b; not tried: c, d.');
    expect(r.stderr).not.toContain('rooms were not deleted');
  });

  it('stops at once when the network fails (exit 5)', async () => {
    api()
      .delete('/video/v2/rooms/a')
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const r = await runCli(['room', 'delete', 'a', 'b', '--yes'], { env: env() });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('Stopped at room a; not tried: b.');
  });

  it('exits 4, not 6, when every room was missing', async () => {
    api()
      .delete('/video/v2/rooms/a')
      .reply(404, { result: '40001', error: 'Room not found' })
      .delete('/video/v2/rooms/b')
      .reply(404, { result: '40001', error: 'Room not found' });
    const r = await runCli(['room', 'delete', 'a', 'b', '--yes'], { env: env() });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('none of the 2 rooms were deleted');
  });

  it('encodes ids so that none reaches another route', async () => {
    api().delete('/video/v2/rooms/a~b.c').reply(200, { result: 0 });
    expect((await runCli(['room', 'delete', 'a~b.c', '-y'], { env: env() })).code).toBe(0);
  });
});
