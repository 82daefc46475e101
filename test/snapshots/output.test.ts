import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { API_ORIGIN, runCli } from '../helpers/cli.js';
import { parseCsv, showLineEndings } from '../helpers/csv.js';
import { useNock } from '../helpers/nock.js';

useNock();

/** Whole outputs at a pinned width, a fixed clock and no colour: any change to what users see shows here. */
const ROOMS = [
  {
    room_id: '5f3b2c1a9d8e7f6a5b4c3d2e',
    name: 'Daily standup for the platform engineering team and friends',
    owner_ref: 'team-7',
    settings: { mode: 'group', participants: '10', scheduled: false },
    created: '2026-11-20T09:00:00.000Z',
  },
  {
    room_id: '5f3b2c1a9d8e7f6a5b4c3d2f',
    name: 'Town hall',
    owner_ref: 'hr',
    settings: {
      mode: 'lecture',
      participants: '500',
      scheduled: true,
      scheduled_time: '2026-12-01 15:00:00',
    },
    created: '2026-11-21T10:30:00.000Z',
  },
];

describe('snapshots', () => {
  it('room list on a 100-column terminal', async () => {
    nock(API_ORIGIN).get('/video/v2/rooms').reply(200, { result: 0, rooms: ROOMS });
    const r = await runCli(['room', 'list'], { stdoutTTY: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchSnapshot();
  });

  it('room list piped: nothing cut', async () => {
    nock(API_ORIGIN).get('/video/v2/rooms').reply(200, { result: 0, rooms: ROOMS });
    const r = await runCli(['room', 'list']);
    expect(r.stdout).toMatchSnapshot();
  });

  it('room get as key/values', async () => {
    nock(API_ORIGIN).get(`/video/v2/rooms/${ROOMS[1]!.room_id}`).reply(200, { result: 0, room: ROOMS[1] });
    const r = await runCli(['room', 'get', ROOMS[1]!.room_id], { stdoutTTY: true });
    expect(r.stdout).toMatchSnapshot();
  });

  it('room list as CSV: CRLF rows, every line ending shown', async () => {
    nock(API_ORIGIN).get('/video/v2/rooms').reply(200, { result: 0, rooms: ROOMS });
    const r = await runCli(['room', 'list', '-o', 'csv']);
    // One JSON string per line: "\r\n" against "\n" is a snapshot change.
    expect(showLineEndings(r.stdout)).toMatchSnapshot();
    expect(r.stdout.endsWith('\r\n')).toBe(true);
    expect(parseCsv(r.stdout)).toHaveLength(ROOMS.length + 1);
  });

  it('an API error block', async () => {
    nock(API_ORIGIN)
      .post('/video/v2/rooms')
      .reply(200, { result: '10007', error: '[Reason] Invalid participants', desc: '' });
    const r = await runCli(['room', 'create', '--name', 'x', '--owner-ref', 'y']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatchSnapshot();
  });

  // Keyed by the whole command line, so every snapshot names the help it holds.
  it.each(
    [['--help'], ['room', 'create', '--help'], ['token', '--help'], ['cdr', '--help']].map((a) => [
      a.join(' '),
      a,
    ]),
  )('help: enablex %s', async (_line, argv) => {
    const r = await runCli(argv);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchSnapshot();
  });
});

/** What commands say on stderr, whole: success lines, warnings, error blocks, notes. */
describe('stderr snapshots', () => {
  it('a success line (room create)', async () => {
    nock(API_ORIGIN).post('/video/v2/rooms').reply(200, { result: 0, room: ROOMS[1] });
    const r = await runCli(['room', 'create', '--name', 'Town hall', '--owner-ref', 'hr']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatchSnapshot();
  });

  it('a warning (api call with a path that repeats the base URL)', async () => {
    nock(API_ORIGIN).get('/video/v2/video/v2/rooms').reply(404, { result: 1, error: 'Not found' });
    const r = await runCli(['api', 'GET', 'video/v2/rooms']);
    expect(r.stderr).toMatchSnapshot();
  });

  it('a usage error block (bad flag value)', async () => {
    const r = await runCli(['room', 'list', '-o', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatchSnapshot();
  });

  it('the note about columns a narrow terminal hides', async () => {
    nock(API_ORIGIN).get('/video/v2/rooms').reply(200, { result: 0, rooms: ROOMS });
    const r = await runCli(['room', 'list'], { stdoutTTY: true, columns: 60 });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Not shown at 60 columns: /);
    expect(r.stderr).toMatchSnapshot();
  });
});
