import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { API_ORIGIN, runCli } from '../helpers/cli.js';
import { useNock } from '../helpers/nock.js';
import { textWidth } from '../../src/output/width.js';
import { cdrBody, cdrRecord } from '../commands/cdr/fixtures.js';

useNock();

/** Tables on 80- and 70-column terminals, whole, with the stderr note of what did not fit. */
const ROOMS = [
  {
    name: 'Daily standup for the platform engineering team and friends',
    room_id: '5f3b2c1a9d8e7f6a5b4c3d2e',
    owner_ref: 'team-7',
    settings: { mode: 'group', participants: '10', scheduled: false },
    created: '2026-11-20T09:00:00.000Z',
  },
  {
    name: '東京オフィス 全体会議',
    room_id: '5f3b2c1a9d8e7f6a5b4c3d2f',
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
const ARCHIVE = [1, 2].map((n) => ({
  trans_date: `2026-11-2${n}T10:00:00.000Z`,
  conf_num: `123456${n}`,
  room_id: ROOMS[0]!.room_id,
  recording: [{ url: 'https://files.enablex.test/r/a.mkv' }],
  transcoded: [{ url: 'https://files.enablex.test/t/out.mov' }],
  chatdata: 'https://files.enablex.test/c/chatdata.json',
  metadata: n === 1 ? 'https://files.enablex.test/m/metadata.json' : '',
}));
const CDR = [
  cdrRecord(),
  cdrRecord({ cdr_id: 'b', user: { role: 'participant', name: 'Bartholomew Montgomery-Fitzgerald' } }),
];

function fits(stdout: string, width: number): void {
  for (const line of stdout.split('\n')) expect(textWidth(line)).toBeLessThanOrEqual(width);
}

describe.each([80, 70])('tables on a %i-column terminal', (width) => {
  const tty = { stdoutTTY: true, columns: width };

  it('room list', async () => {
    nock(API_ORIGIN).get('/video/v2/rooms').reply(200, { result: 0, rooms: ROOMS });
    const r = await runCli(['room', 'list'], tty);
    expect(r.code).toBe(0);
    fits(r.stdout, width);
    expect(r.stdout).toContain(ROOMS[0]!.room_id);
    expect(r.stdout).toContain('2026-12-01 15:00');
    expect(`${r.stdout}--- stderr\n${r.stderr}`).toMatchSnapshot();
  });

  it('archive', async () => {
    nock(API_ORIGIN).get('/video/v2/archive/conf/1234561').reply(200, { result: 0, archive: ARCHIVE });
    const r = await runCli(['archive', '--conf', '1234561'], tty);
    expect(r.code).toBe(0);
    fits(r.stdout, width);
    expect(r.stdout).toContain('1234562');
    expect(`${r.stdout}--- stderr\n${r.stderr}`).toMatchSnapshot();
  });

  it('cdr', async () => {
    nock(API_ORIGIN).get('/video/v2/cdr/conf/100200300').reply(200, cdrBody(CDR));
    const r = await runCli(['cdr', '--conf', '100200300'], tty);
    expect(r.code).toBe(0);
    fits(r.stdout, width);
    expect(`${r.stdout}--- stderr\n${r.stderr}`).toMatchSnapshot();
  });

  it('room get: room_id first', async () => {
    nock(API_ORIGIN).get(`/video/v2/rooms/${ROOMS[1]!.room_id}`).reply(200, { result: 0, room: ROOMS[1] });
    const r = await runCli(['room', 'get', ROOMS[1]!.room_id], tty);
    expect(r.code).toBe(0);
    fits(r.stdout, width);
    expect(r.stdout.split('\n')[0]).toMatch(/^room_id +5f3b2c1a9d8e7f6a5b4c3d2f$/);
    expect(r.stdout).toMatchSnapshot();
  });
});

describe('headers do not depend on the rows', () => {
  const header = async (rooms: unknown[], opts: { stdoutTTY?: boolean; columns?: number }) => {
    nock(API_ORIGIN).get('/video/v2/rooms').reply(200, { result: 0, rooms });
    return (await runCli(['room', 'list'], opts)).stdout.split('\n')[0]!.split(/ {2,}/);
  };
  const short = [
    { room_id: 'r1', name: 'a', owner_ref: 'o', settings: { mode: 'group', participants: '2' } },
  ];

  it('the same names for a short row, a long row, piped or on a terminal', async () => {
    const names = ['room_id', 'name', 'owner_ref', 'mode', 'participants', 'scheduled_time (UTC)'];
    expect(await header(short, {})).toEqual(names);
    expect(await header(short, { stdoutTTY: true, columns: 200 })).toEqual(names);
    expect(await header(ROOMS, {})).toEqual(names);
    expect(await header(ROOMS, { stdoutTTY: true, columns: 200 })).toEqual(names);
    // Narrow: columns may be hidden (and said so), but a name shown is never another name.
    const narrow = await header(ROOMS, { stdoutTTY: true, columns: 70 });
    expect(narrow.every((n) => names.includes(n))).toBe(true);
  });
});
