import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settingFlags } from '../../../src/commands/room/flags.js';
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
const [A_ID, B_ID, C_ID, D_ID] = ['a', 'b', 'c', 'd'].map((c) => c.repeat(24)) as [
  string,
  string,
  string,
  string,
];

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
    expect(settingFlags()['quality']?.choices).toEqual(['HD', 'SD', 'LD']);
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

describe('times on flags are UTC, and say so', () => {
  const scheduled = ['--name', 'T', '--owner-ref', 'o', '--scheduled', '--duration', '30', '--dry-run'];
  const sent = (r: { stdout: string }) =>
    (JSON.parse(r.stdout) as { body: { settings: Record<string, unknown> } }).body.settings['scheduled_time'];

  it('reads a time without a zone as UTC and notes the local time once on stderr', async () => {
    const r = await runCli(['room', 'create', ...scheduled, '--scheduled-time', '2026-12-01 15:00'], {
      env: { ...env(), TZ: 'America/New_York' },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(sent(r)).toBe('2026-12-01 15:00:00');
    const notes = r.stderr.split('\n').filter((l) => l.startsWith('Note:'));
    expect(notes).toEqual([
      'Note: --scheduled-time: Tue 2026-12-01 15:00 UTC = Tue 2026-12-01 10:00 America/New_York. Flags are UTC; to mean America/New_York time, give an offset: 2026-12-01T15:00:00-05:00.',
    ]);
  });

  it.each([
    ['2026-12-01T10:00:00-05:00'],
    ['2026-12-01 10:00 -05:00'],
    ['2026-12-01T15:00:00Z'],
    ['2026-12-01 15:00 UTC'],
  ])('takes %s as the instant it names', async (time) => {
    const r = await runCli(['room', 'create', ...scheduled, '--scheduled-time', time], {
      env: { ...env(), TZ: 'Asia/Kolkata' },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(sent(r)).toBe('2026-12-01 15:00:00');
    expect(r.stderr).toContain('15:00 UTC = Tue 2026-12-01 20:30 Asia/Kolkata');
  });

  it.each([['UTC'], ['Etc/UTC']])('says nothing more when the local zone is %s', async (tz) => {
    const r = await runCli(['room', 'create', ...scheduled, '--scheduled-time', '2026-12-01 15:00'], {
      env: { ...env(), TZ: tz },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('Note:');
  });

  it('-q keeps stderr quiet', async () => {
    api()
      .post('/video/v2/rooms')
      .reply(200, { result: 0, room: { ...ROOM, room_id: 'newid' } });
    const r = await runCli(
      ['room', 'create', ...scheduled.slice(0, -1), '--scheduled-time', '2026-12-01 15:00', '-q'],
      { env: { ...env(), TZ: 'America/New_York' } },
    );
    expect(r).toMatchObject({ code: 0, stdout: 'newid\n', stderr: '' });
  });

  it('refuses an ISO time without a zone, naming the flag (exit 2)', async () => {
    const r = await runCli(['room', 'create', ...scheduled, '--scheduled-time', '2026-12-01T15:00'], {
      env: env(),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--scheduled-time: an ISO time needs Z or an offset');
  });

  const LATER = {
    ...ROOM,
    settings: { ...ROOM.settings, scheduled: true, scheduled_time: '2026-12-01 15:00:00' },
  };

  it('labels the scheduled time as UTC in tables, and keeps the API key in JSON and CSV', async () => {
    api()
      .get('/video/v2/rooms')
      .times(3)
      .reply(200, { result: 0, rooms: [LATER] });
    const table = await runCli(['room', 'list'], { env: env() });
    expect(table.stdout.split('\n')[0]).toMatch(/ scheduled_time \(UTC\)$/);
    const json = await runCli(['room', 'list', '-o', 'json'], { env: env() });
    expect(JSON.parse(json.stdout)[0].settings.scheduled_time).toBe('2026-12-01 15:00:00');
    const csv = await runCli(['room', 'list', '-o', 'csv'], { env: env() });
    expect(csv.stdout.split('\n')[0]).toContain(',settings.scheduled_time,');
  });

  it('labels it in room get too, and --fields keeps the API names', async () => {
    api().get(`/video/v2/rooms/${ID}`).twice().reply(200, { result: 0, room: LATER });
    const table = await runCli(['room', 'get', ID], { env: env() });
    expect(table.stdout).toMatch(/^settings\.scheduled_time \(UTC\)\s+2026-12-01 15:00:00$/m);
    const picked = await runCli(['room', 'get', ID, '--fields', 'settings.scheduled_time'], { env: env() });
    expect(picked.stdout).toMatch(/^settings\.scheduled_time\s+2026-12-01 15:00:00$/m);
  });
});

describe('room list', () => {
  const rooms = [ROOM, { ...ROOM, room_id: 'b', name: 'Other', owner_ref: 'team-7' }];

  it('shows a table with the documented columns', async () => {
    api().get('/video/v2/rooms').reply(200, { result: 0, rooms });
    const r = await runCli(['room', 'list'], { env: env() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/room_id.*name.*owner_ref.*mode/);
    expect(r.stdout).toContain('Topic or Room Title');
  });

  it('filters by name (any case) and owner on the client', async () => {
    api().get('/video/v2/rooms').twice().reply(200, { result: 0, rooms });
    expect((await runCli(['room', 'list', '--name', 'oth', '-q'], { env: env() })).stdout).toBe('b\n');
    expect((await runCli(['room', 'list', '--owner-ref', 'xyz', '-q'], { env: env() })).stdout).toBe(
      `${ID}\n`,
    );
  });

  it('filters by --mode and --type, orders by --sort-by, and cuts at --limit with a note', async () => {
    const many = [
      {
        ...ROOM,
        room_id: 'l2',
        name: 'Lecture B',
        settings: { mode: 'lecture', scheduled: true, scheduled_time: '2026-12-09 10:00:00' },
      },
      {
        ...ROOM,
        room_id: 'g1',
        name: 'Group',
        settings: { mode: 'group', scheduled: true, scheduled_time: '2026-12-01 10:00:00' },
      },
      {
        ...ROOM,
        room_id: 'l1',
        name: 'Lecture A',
        settings: { mode: 'lecture', scheduled: true, scheduled_time: '2026-12-02 10:00:00' },
      },
      { ...ROOM, room_id: 'l3', name: 'Lecture C', settings: { mode: 'lecture' } },
    ];
    api().get('/video/v2/rooms').reply(200, { result: 0, rooms: many });
    const r = await runCli(
      [
        'room',
        'list',
        '--mode',
        'Lecture',
        '--type',
        'scheduled',
        '--sort-by',
        'scheduled_time',
        '--limit',
        '1',
        '-o',
        'json',
      ],
      { env: env() },
    );
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { room_id: string }[]).map((x) => x.room_id)).toEqual(['l1']);
    expect(r.stderr).toContain('Showing 1 of 2 matching rooms (--limit 1).');
  });

  it.each<[string[], RegExp]>([
    [['--limit', '0'], /^Error: --limit must be a whole number from 1 to 1000000 \(got "0"\)\./],
    [
      ['--sort-by', 'size'],
      /^Error: option '--sort-by <field>' argument 'size' is invalid\. Allowed choices are name, created, scheduled_time\./,
    ],
    [
      ['--type', 'instant'],
      /^Error: option '--type <type>' argument 'instant' is invalid\. Allowed choices are permanent, scheduled, adhoc\./,
    ],
    [
      ['--mode', 'webinar'],
      /^Error: option '--mode <mode>' argument 'webinar' is invalid\. Allowed choices are group, lecture\./,
    ],
    [['--created-since', 'soon'], /^Error: --created-since "soon" is not a date/],
    [['--created-since', '2027-01-01'], /^Error: --created-since 2027-01-01 00:00:00 UTC is in the future/],
  ])('refuses %j with exit 2, before any request', async (flags, message) => {
    const r = await runCli(['room', 'list', ...flags], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
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
    'looks %j up as a name, never putting it in a URL (exit 4 when no room has it)',
    async (ref) => {
      api()
        .get('/video/v2/rooms')
        .reply(200, { result: 0, rooms: [ROOM] });
      const r = await runCli(['room', 'get', ref], { env: env() });
      expect(r.code).toBe(4);
      expect(r.stderr).toContain(`<room-id> "${ref}": no room has this name`);
    },
  );
});

describe('room update', () => {
  /** The room as GET answers it before the update. */
  const getsRoom = (room: Record<string, unknown> = ROOM) =>
    api().get(`/video/v2/rooms/${ID}`).reply(200, { result: 0, room });

  it('reads the room, then sends only the given keys', async () => {
    getsRoom();
    api()
      .patch(`/video/v2/rooms/${ID}`, { settings: { participants: '15', knock: false } })
      .reply(200, { result: 0 });
    const r = await runCli(['room', 'update', ID, '--participants', '15', '--no-knock'], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`Updated room ${ID}`);
  });

  const LIVE = {
    ...ROOM,
    settings: { ...ROOM.settings, live_recording: { auto_recording: true, url: 'https://a.example/v' } },
  };
  const DATA = { ...ROOM, data: { a: '1', b: '2' } };
  it.each<[string, string[], Record<string, unknown>, nock.DataMatcherMap]>([
    ['--data keeps the other data keys', ['--data', 'c=3'], DATA, { data: { a: '1', b: '2', c: '3' } }],
    ['--data replaces one key and keeps the rest', ['--data', 'a=9'], DATA, { data: { a: '9', b: '2' } }],
    [
      '--record-moderator keeps the participant setting',
      ['--record-moderator', 'audio'],
      ROOM,
      { settings: { role_based_recording: { moderator: 'audio', participant: 'audio' } } },
    ],
    [
      '--record-participant keeps the moderator setting',
      ['--record-participant', 'audiovideo'],
      ROOM,
      { settings: { role_based_recording: { moderator: 'audiovideo', participant: 'audiovideo' } } },
    ],
    [
      '--live-recording-url keeps live recording on',
      ['--live-recording-url', 'https://b.example/v'],
      LIVE,
      { settings: { live_recording: { auto_recording: true, url: 'https://b.example/v' } } },
    ],
    [
      '--no-live-recording keeps the URL',
      ['--no-live-recording'],
      LIVE,
      { settings: { live_recording: { auto_recording: false, url: 'https://a.example/v' } } },
    ],
    [
      'an old room with live_recording: true keeps it on',
      ['--live-recording-url', 'https://b.example/v'],
      { ...ROOM, settings: { ...ROOM.settings, live_recording: true } },
      { settings: { live_recording: { auto_recording: true, url: 'https://b.example/v' } } },
    ],
    [
      'a nested setting the room does not have yet is sent as given',
      ['--live-recording'],
      ROOM,
      { settings: { live_recording: { auto_recording: true } } },
    ],
    [
      "--sip is sent alone (pin and meeting_id are the API's)",
      ['--no-sip'],
      ROOM,
      { sip: { enabled: false } },
    ],
  ])('%s', async (_name, flags, room, patch) => {
    getsRoom(room);
    api().patch(`/video/v2/rooms/${ID}`, patch).reply(200, { result: 0 });
    const r = await runCli(['room', 'update', ID, ...flags], { env: env() });
    expect(r.code, r.stderr).toBe(0);
  });

  it('merges a --file body with data and nested settings the same way', async () => {
    getsRoom(DATA);
    api()
      .patch(`/video/v2/rooms/${ID}`, {
        settings: { role_based_recording: { moderator: 'audiovideo', participant: 'audiovideo' } },
        data: { a: '1', b: '2', z: '26' },
      })
      .reply(200, { result: 0 });
    const r = await runCli(['room', 'update', ID, '-f', '-'], {
      env: env(),
      stdin: JSON.stringify({
        settings: { role_based_recording: { participant: 'audiovideo' } },
        data: { z: '26' },
      }),
    });
    expect(r.code, r.stderr).toBe(0);
  });

  it('sends legacy setting names in --file as given (old rooms carry them), with one note each', async () => {
    getsRoom(DATA);
    api()
      .patch(`/video/v2/rooms/${ID}`, (body: unknown) => {
        expect(body).toEqual({ settings: { participants: '6', active_talker: true, wait_moderator: false } });
        return true;
      })
      .reply(200, { result: 0 });
    const r = await runCli(['room', 'update', ID, '-f', '-', '-o', 'json'], {
      env: env(),
      stdin: JSON.stringify({ settings: { participants: '6', active_talker: true, wait_moderator: false } }),
    });
    expect(r.code, r.stderr).toBe(0);
    // The API answered only `result`: the room printed is the room read with every key sent applied.
    expect(JSON.parse(r.stdout).settings).toMatchObject({
      participants: '6',
      active_talker: true,
      wait_moderator: false,
    });
    expect(r.stderr.match(/settings\.active_talker is a legacy name.*max_active_talkers/g)).toHaveLength(1);
    expect(r.stderr.match(/settings\.wait_moderator is a legacy name.*wait_for_moderator/g)).toHaveLength(1);
  });

  it('takes a --file of legacy settings alone as an update', async () => {
    getsRoom(DATA);
    api()
      .patch(`/video/v2/rooms/${ID}`, (body: unknown) => {
        expect(body).toEqual({ settings: { active_talker: 4 } });
        return true;
      })
      .reply(200, { result: 0 });
    const r = await runCli(['room', 'update', ID, '-f', '-'], {
      env: env(),
      stdin: JSON.stringify({ settings: { active_talker: 4 } }),
    });
    expect(r.code, r.stderr).toBe(0);
  });

  it('refuses a legacy setting with a value the API would not read, before any request', async () => {
    const r = await runCli(['room', 'update', ID, '-f', '-'], {
      env: env(),
      stdin: JSON.stringify({ settings: { wait_moderator: 'maybe' } }),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--file settings.wait_moderator must be true or false');
  });

  it('--dry-run reads the room, shows the merged body and what was kept, and sends no PATCH', async () => {
    getsRoom(DATA);
    const r = await runCli(
      ['room', 'update', ID, '--data', 'c=3', '--record-moderator', 'audio', '--dry-run'],
      {
        env: env(),
      },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      method: 'PATCH',
      path: `/rooms/${ID}`,
      body: {
        settings: { role_based_recording: { moderator: 'audio', participant: 'audio' } },
        data: { a: '1', b: '2', c: '3' },
      },
    });
    expect(r.stderr).toContain('Dry run: nothing was changed.');
    expect(r.stderr).toContain(`Read room ${ID} (GET)`);
    expect(r.stderr).toContain(
      'Merged: settings.role_based_recording (keeps participant from the room); data (keeps a, b from the room).',
    );
  });

  const SCHEDULED_ROOM = {
    ...ROOM,
    settings: { ...ROOM.settings, scheduled: true, scheduled_time: '2026-12-01 15:00:00', duration: '30' },
  };
  it.each<[string, string[], Record<string, unknown>, RegExp]>([
    [
      '--scheduled-time on a permanent room',
      ['--scheduled-time', '2026-12-05 10:00'],
      ROOM,
      /^Error: --scheduled-time: room 5f3b2c1a9d8e7f6a5b4c3d2e is permanent, and only scheduled rooms have a start time\.\nHint: A room cannot become scheduled/,
    ],
    [
      '--scheduled-time on an adhoc room',
      ['--scheduled-time', '2026-12-05 10:00'],
      { ...ROOM, settings: { ...ROOM.settings, adhoc: true } },
      /is adhoc, and only scheduled rooms have a start time/,
    ],
    [
      'more participants than a scheduled group room allows',
      ['--participants', '500'],
      SCHEDULED_ROOM,
      /^Error: --participants must be between 1 and 300 for a scheduled group room \(got 500\)\./,
    ],
    [
      'more participants than a permanent room allows',
      ['--participants', '201'],
      ROOM,
      /--participants must be between 1 and 200 for a permanent or adhoc room \(got 201\)/,
    ],
    [
      "active talkers that leave too few streams for the room's participants",
      ['--max-active-talkers', '16'],
      { ...ROOM, settings: { ...ROOM.settings, participants: '150' } },
      /^Error: --max-active-talkers: a room with 16 active talkers allows at most 100 participants, and room \w+ allows 150\.\nHint: Lower the participants too: add --participants 100\./,
    ],
  ])('refuses %s, as create does (exit 2, no PATCH)', async (_name, flags, room, message) => {
    getsRoom(room);
    const r = await runCli(['room', 'update', ID, ...flags], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it.each<[string, string[], Record<string, unknown>, nock.DataMatcherMap]>([
    [
      'a new start for a scheduled room',
      ['--scheduled-time', '2026-12-05 10:00'],
      SCHEDULED_ROOM,
      { settings: { scheduled_time: '2026-12-05 10:00:00' } },
    ],
    [
      '500 participants in a scheduled lecture',
      ['--participants', '500'],
      { ...SCHEDULED_ROOM, settings: { ...SCHEDULED_ROOM.settings, mode: 'lecture' } },
      { settings: { participants: '500' } },
    ],
    [
      'a rename of a room that already breaks a rule it does not touch',
      ['--name', 'Renamed'],
      { ...ROOM, settings: { ...ROOM.settings, participants: '900' } },
      { name: 'Renamed' },
    ],
  ])('accepts %s', async (_name, flags, room, patch) => {
    getsRoom(room);
    api().patch(`/video/v2/rooms/${ID}`, patch).reply(200, { result: 0 });
    const r = await runCli(['room', 'update', ID, ...flags], { env: env() });
    expect(r.code, r.stderr).toBe(0);
  });

  it('-o json prints the room as the update leaves it (the PATCH answer holds only result)', async () => {
    getsRoom({ ...ROOM, data: { a: '1' } });
    api().patch(`/video/v2/rooms/${ID}`).reply(200, { result: 0 });
    const r = await runCli(
      ['room', 'update', ID, '--name', 'New', '--participants', '15', '--data', 'b=2', '-o', 'json'],
      {
        env: env(),
      },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      ...ROOM,
      name: 'New',
      settings: { ...ROOM.settings, participants: '15' },
      data: { a: '1', b: '2' },
    });
  });

  it('-o json prints the room the PATCH answer echoes, when it does', async () => {
    getsRoom();
    const echoed = { ...ROOM, name: 'New', created: '2026-11-29T12:00:00.000Z' };
    api().patch(`/video/v2/rooms/${ID}`).reply(200, { result: 0, room: echoed });
    const r = await runCli(['room', 'update', ID, '--name', 'New', '-o', 'json'], { env: env() });
    expect(JSON.parse(r.stdout)).toEqual(echoed);
  });

  it('prints the updated room as a table by default, and only its id with -q', async () => {
    getsRoom().get(`/video/v2/rooms/${ID}`).reply(200, { result: 0, room: ROOM });
    api().patch(`/video/v2/rooms/${ID}`).twice().reply(200, { result: 0 });
    const table = await runCli(['room', 'update', ID, '--name', 'New'], { env: env() });
    expect(table.stdout).toMatch(new RegExp(`^room_id\\s+${ID}$`, 'm'));
    expect(table.stdout).toMatch(/^name\s+New$/m);
    expect(table.stdout).toMatch(/^settings\.participants\s+10$/m);
    const quiet = await runCli(['room', 'update', ID, '--name', 'New', '-q'], { env: env() });
    expect(quiet).toMatchObject({ code: 0, stdout: `${ID}\n`, stderr: '' });
  });

  it('notes the local time of a --scheduled-time on update too', async () => {
    getsRoom(SCHEDULED_ROOM);
    api().patch(`/video/v2/rooms/${ID}`).reply(200, { result: 0 });
    const r = await runCli(['room', 'update', ID, '--scheduled-time', '2026-12-05 10:00'], {
      env: { ...env(), TZ: 'America/New_York' },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'Note: --scheduled-time: Sat 2026-12-05 10:00 UTC = Sat 2026-12-05 05:00 America/New_York.',
    );
  });

  it('a room that does not exist exits 4 and sends no PATCH', async () => {
    api().get(`/video/v2/rooms/${ID}`).reply(200, { result: '40001', error: 'Room not found' });
    const r = await runCli(['room', 'update', ID, '--data', 'c=3'], { env: env() });
    expect(r.code).toBe(4);
  });

  it('refuses --mode with exit 2, before reading the room', async () => {
    const r = await runCli(['room', 'update', ID, '--mode', 'lecture'], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--mode cannot be changed');
  });

  it('retries a PATCH on 503', async () => {
    getsRoom();
    api().patch(`/video/v2/rooms/${ID}`).reply(503).patch(`/video/v2/rooms/${ID}`).reply(200, { result: 0 });
    expect((await runCli(['room', 'update', ID, '--name', 'N', '--retries', '1'], { env: env() })).code).toBe(
      0,
    );
  });

  it('reports 10030 (session in progress) as exit 1 with its hint', async () => {
    getsRoom();
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
      .delete(`/video/v2/rooms/${B_ID}`)
      .reply(200, { result: 0 });
    const r = await runCli(['room', 'delete', ID, B_ID, '--yes', '-o', 'json'], { env: env() });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { room_id: ID, deleted: true },
      { room_id: B_ID, deleted: true },
    ]);
  });

  it('exits 6 when some deletions fail, 4 when the only one is missing', async () => {
    api()
      .delete(`/video/v2/rooms/${ID}`)
      .reply(200, { result: 0 })
      .delete(`/video/v2/rooms/${B_ID}`)
      .reply(200, { result: '40001', error: 'Room not found' });
    const partial = await runCli(['room', 'delete', ID, B_ID, '--yes'], { env: env() });
    expect(partial.code).toBe(6);
    expect(partial.stderr).toContain('1 of 2 rooms was not deleted');
    api().delete(`/video/v2/rooms/${B_ID}`).reply(404, { result: '40001', error: 'Room not found' });
    expect((await runCli(['room', 'delete', B_ID, '--yes'], { env: env() })).code).toBe(4);
  });

  it('goes on after a refused or missing room, with a ✗ line each even with -q, and exits 6', async () => {
    api()
      .delete(`/video/v2/rooms/${A_ID}`)
      .reply(200, { result: '1234', error: 'Room is busy' })
      .delete(`/video/v2/rooms/${B_ID}`)
      .reply(404, { result: '40001', error: 'Room not found' })
      .delete(`/video/v2/rooms/${C_ID}`)
      .reply(200, { result: 0 });
    const r = await runCli(['room', 'delete', A_ID, B_ID, C_ID, '--yes', '-q'], { env: env() });
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(new RegExp(`^✗ ${A_ID}: .*Room is busy`, 'm'));
    expect(r.stderr).toMatch(new RegExp(`^✗ ${B_ID}: `, 'm'));
    expect(r.stderr).not.toContain(`Deleted room ${C_ID}.`);
    expect(r.stderr).toContain('2 of 3 rooms were not deleted');
  });

  it.each([
    ['refused credentials', 401, 3],
    ['a server failure', 503, 5],
  ])('stops at once on %s (HTTP %i, exit %i), trying no other id', async (_what, status, code) => {
    api()
      .delete(`/video/v2/rooms/${A_ID}`)
      .reply(200, { result: 0 })
      .delete(`/video/v2/rooms/${B_ID}`)
      .reply(status, { result: String(status), error: 'nope' });
    const r = await runCli(['room', 'delete', A_ID, B_ID, C_ID, D_ID, '--yes'], { env: env() });
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(`Deleted room ${A_ID}.`);
    expect(r.stderr).toContain(`Stopped at room ${B_ID}; not tried: ${C_ID}, ${D_ID}.`);
    expect(r.stderr).not.toContain('rooms were not deleted');
  });

  it('stops at once when the network fails (exit 5)', async () => {
    api()
      .delete(`/video/v2/rooms/${A_ID}`)
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const r = await runCli(['room', 'delete', A_ID, B_ID, '--yes'], { env: env() });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain(`Stopped at room ${A_ID}; not tried: ${B_ID}.`);
  });

  it('exits 4, not 6, when every room was missing', async () => {
    api()
      .delete(`/video/v2/rooms/${A_ID}`)
      .reply(404, { result: '40001', error: 'Room not found' })
      .delete(`/video/v2/rooms/${B_ID}`)
      .reply(404, { result: '40001', error: 'Room not found' });
    const r = await runCli(['room', 'delete', A_ID, B_ID, '--yes'], { env: env() });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('none of the 2 rooms were deleted');
  });
});
