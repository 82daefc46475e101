import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { isRoomId } from '../../src/commands/room-ref.js';
import { API_ORIGIN, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { useNock } from '../helpers/nock.js';

useNock();

const api = () => nock(API_ORIGIN);
const STANDUP = '5f3b2c1a9d8e7f6a5b4c3d2e';
const TOWN_HALL = '6a1b2c3d4e5f60718293a4b5';
const rooms = [
  { room_id: STANDUP, name: 'Daily standup', owner_ref: 'team-7' },
  { room_id: TOWN_HALL, name: 'Town hall', owner_ref: 'hr' },
  { room_id: 'aaaaaaaaaaaaaaaaaaaaaaa1', name: 'Retro', owner_ref: 'team-7' },
  { room_id: 'aaaaaaaaaaaaaaaaaaaaaaa2', name: 'Retro', owner_ref: 'team-8' },
];
/** GET /rooms, answered once: a second lookup in the same run would fail the test. */
const listed = () => api().get('/video/v2/rooms').once().reply(200, { result: 0, rooms });
const cdrEmpty = { result: '0', cdr: [] };
const archiveEmpty = { result: '0', archive: [] };

describe('room references: a 24-hex id is used as is', () => {
  it.each([
    ['5f3b2c1a9d8e7f6a5b4c3d2e', true],
    ['5F3B2C1A9D8E7F6A5B4C3D2E', true],
    ['5f3b2c1a9d8e7f6a5b4c3d2', false],
    ['Daily standup', false],
  ])('%j is an id: %s', (ref, id) => expect(isRoomId(ref)).toBe(id));

  it('sends no GET /rooms for an id', async () => {
    api().get(`/video/v2/rooms/${STANDUP}`).reply(200, { result: 0, room: rooms[0] });
    const r = await runCli(['room', 'get', STANDUP, '-o', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('room references: every command takes a unique name', () => {
  it('room get', async () => {
    listed();
    api().get(`/video/v2/rooms/${STANDUP}`).reply(200, { result: 0, room: rooms[0] });
    const r = await runCli(['room', 'get', 'Daily standup', '-o', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).room_id).toBe(STANDUP);
    expect(r.stderr).toBe(`Room "Daily standup" is ${STANDUP}.\n`);
  });

  it('room update --dry-run shows the resolved id in the path', async () => {
    listed();
    api().get(`/video/v2/rooms/${TOWN_HALL}`).reply(200, { result: 0, room: rooms[1] });
    const r = await runCli([
      'room',
      'update',
      'Town hall',
      '--participants',
      '20',
      '--dry-run',
      '-o',
      'json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ method: 'PATCH', path: `/rooms/${TOWN_HALL}` });
  });

  it('room update sends the PATCH to the resolved id', async () => {
    listed();
    api().get(`/video/v2/rooms/${TOWN_HALL}`).reply(200, { result: 0, room: rooms[1] });
    api().patch(`/video/v2/rooms/${TOWN_HALL}`).reply(200, { result: 0 });
    const r = await runCli(['room', 'update', 'Town hall', '--participants', '20']);
    expect(r.code).toBe(0);
  });

  it('room delete: names and ids mixed, one lookup for all', async () => {
    listed();
    api()
      .delete(`/video/v2/rooms/${STANDUP}`)
      .reply(200, { result: 0 })
      .delete(`/video/v2/rooms/${TOWN_HALL}`)
      .reply(200, { result: 0 });
    const r = await runCli(['room', 'delete', 'Daily standup', TOWN_HALL, '--yes', '-o', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { room_id: STANDUP, deleted: true },
      { room_id: TOWN_HALL, deleted: true },
    ]);
  });

  it('room delete without --yes refuses before looking a name up', async () => {
    const r = await runCli(['room', 'delete', 'Daily standup']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('without --yes');
  });

  it('token', async () => {
    listed();
    api().post(`/video/v2/rooms/${STANDUP}/tokens`).reply(200, { result: 0, token: 'TOKEN' });
    const r = await runCli(['token', 'Daily standup', '--name', 'Ada', '--user-ref', 'u-1', '-q']);
    expect(r).toMatchObject({ code: 0, stdout: 'TOKEN\n', stderr: '' });
  });

  it('token checks its flags before looking the name up', async () => {
    const r = await runCli(['token', 'Daily standup', '--name', ' ', '--user-ref', 'u-1']);
    expect(r.code).toBe(2);
  });

  it('users', async () => {
    listed();
    api().get(`/video/v2/rooms/${STANDUP}/users`).reply(200, { result: 0, users: [] });
    const r = await runCli(['users', 'Daily standup', '-o', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`No session in progress in room ${STANDUP}`);
  });

  it('archive --room', async () => {
    listed();
    api().get(`/video/v2/archive/room/${STANDUP}`).reply(200, archiveEmpty);
    const r = await runCli(['archive', '--room', 'Daily standup', '-o', 'json']);
    expect(r).toMatchObject({ code: 0, stdout: '[]\n' });
  });

  it('archive download --room with --from/--to, as a dry run', async () => {
    listed();
    api().get(`/video/v2/archive/room-period/${STANDUP}/2026-11-01/2026-11-02`).reply(200, archiveEmpty);
    const r = await runCli([
      'archive',
      'download',
      '--room',
      'Daily standup',
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-02',
      '--dir',
      tempDir(),
      '--dry-run',
    ]);
    expect(r.code).toBe(0);
  });

  it('cdr --room', async () => {
    listed();
    api().get(`/video/v2/cdr/room/${TOWN_HALL}`).reply(200, cdrEmpty);
    const r = await runCli(['cdr', '--room', 'Town hall', '-o', 'json']);
    expect(r).toMatchObject({ code: 0, stdout: '[]\n' });
  });

  it('cdr summary --room', async () => {
    listed();
    api().get(`/video/v2/cdr/room/${TOWN_HALL}`).reply(200, cdrEmpty);
    const r = await runCli(['cdr', 'summary', '--room', 'Town hall', '-o', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).totals.records).toBe(0);
  });
});

describe('room references that do not name one room', () => {
  it('several rooms with the name: exit 2 listing their ids, nothing else sent', async () => {
    listed();
    const r = await runCli(['room', 'delete', 'Retro', '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('<room-id> "Retro" names 2 rooms:');
    expect(r.stderr).toContain('aaaaaaaaaaaaaaaaaaaaaaa1  owner_ref team-7');
    expect(r.stderr).toContain('aaaaaaaaaaaaaaaaaaaaaaa2  owner_ref team-8');
    expect(r.stderr).toContain('Give the room id instead of the name.');
  });

  it('no room with the name: exit 4 naming it', async () => {
    listed();
    const r = await runCli(['cdr', '--room', 'daily standup']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('--room "daily standup": no room has this name (or id).');
    expect(r.stderr).toContain('matched exactly, case included');
  });

  it('an id of another shape is found by room_id in the list', async () => {
    api()
      .get('/video/v2/rooms')
      .reply(200, { result: 0, rooms: [{ room_id: 'legacy-1', name: 'Old' }] });
    api()
      .get('/video/v2/rooms/legacy-1')
      .reply(200, { result: 0, room: { room_id: 'legacy-1' } });
    const r = await runCli(['room', 'get', 'legacy-1', '-o', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('a failed lookup keeps its exit code (401: 3)', async () => {
    api().get('/video/v2/rooms').reply(401, { result: '10000', error: 'Application not found' });
    const r = await runCli(['users', 'Daily standup']);
    expect(r.code).toBe(3);
  });
});
