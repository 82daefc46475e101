import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli.js';
import { buildCreateBody } from '../../../src/commands/room/body.js';
import { ROOM_SETTINGS } from '../../../src/commands/room/settings.js';
import { MORE_FLAGS } from '../../../src/commands/room/wizard/more.js';
import { MAIN_FLAGS } from '../../../src/commands/room/wizard/summary.js';
import { API_ORIGIN, makeContext, runCli, TEST_ENV, type TestContext } from '../../helpers/cli.js';
import { useNock } from '../../helpers/nock.js';
import { CTRL_C, FakePrompter, type Answer } from './wizard-prompter.js';
import { tempDir, removeTempDir } from '../../helpers/temp.js';

useNock();

const ROOM_ID = '6a1b2c3d4e5f6a7b8c9d0e1f';
let cwd: string;
beforeEach(() => {
  cwd = tempDir('wizard');
});
afterEach(() => removeTempDir(cwd));

/** Runs `room create <args>` on a (fake) terminal in Asia/Kolkata with scripted answers. */
async function wizard(
  args: string[],
  answers: Answer[],
  opts: { env?: Record<string, string>; tty?: boolean } = {},
) {
  const prompter = new FakePrompter(answers);
  const tty = opts.tty ?? true;
  const ctx: TestContext = {
    ...makeContext({
      stdinTTY: tty,
      stderrTTY: tty,
      cwd,
      env: { ...TEST_ENV, TZ: 'Asia/Kolkata', NO_COLOR: '1', ...opts.env },
    }),
    // The factory's prompter is replaced: the questions are answered by the script above.
    replace: { prompter: async () => prompter },
  };
  // The spinner (ora) moves the cursor on a terminal: give the in-memory stderr those methods.
  Object.assign(ctx.err, { cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  const code = await run(['room', 'create', ...args, '--retries', '0'], ctx);
  return {
    code,
    stdout: ctx.out.text,
    stderr: ctx.err.text,
    prompter,
    refusals: prompter.transcript.refusals,
  };
}

/** Answers for a scheduled group room on Tue 1 Dec 2026 at 09:30 in Kolkata (04:00 UTC). */
const SCHEDULED: Answer[] = [
  'Town hall', // name
  "hr's team", // owner ref
  'scheduled',
  '2026-12-01 09:30',
  '30', // duration
  'group',
  '', // moderators: default 1
  '20',
  '', // quality: subscription default
  false, // auto-recording
  false, // more settings
  'create',
];

const SCHEDULED_BODY = {
  name: 'Town hall',
  owner_ref: "hr's team",
  settings: {
    mode: 'group',
    scheduled: true,
    scheduled_time: '2026-12-01 04:00:00',
    duration: '30',
    moderators: '1',
    participants: '20',
    auto_recording: false,
  },
};

/** Answers ending at the summary for a permanent room named X. */
const PERMANENT_TO_SUMMARY: Answer[] = ['X', 'o', 'permanent', 'group', '', '', '', false, false];

/** Expects one POST /rooms; the returned function checks the body the server got. */
function expectPost(body?: object) {
  let got: unknown;
  nock(API_ORIGIN)
    .post('/video/v2/rooms', (b: unknown) => ((got = b), true))
    .reply(200, () => ({ result: 0, room: { room_id: ROOM_ID, ...(got as object) } }));
  return () => {
    if (body) expect(got).toEqual(body);
    return got;
  };
}

/** The equivalent command line printed on stderr, as argv (a small POSIX single-quote reader). */
function printedArgv(stderr: string): string[] {
  const line = /^ {2}(enablex room create .*)$/m.exec(stderr)?.[1];
  if (!line) throw new Error(`no command line in:\n${stderr}`);
  const words = [...line.matchAll(/(?:'[^']*'|\\'|[^\s'\\]+)+/g)].map((m) =>
    m[0].replace(/'([^']*)'|\\(')/g, (_, quoted: string | undefined, q: string) => quoted ?? q),
  );
  return words.slice(1);
}

describe('room create wizard: a scheduled room', () => {
  it('sends the flags body with the start in UTC, prints the room and the equivalent command', async () => {
    const check = expectPost(SCHEDULED_BODY);
    const r = await wizard(['-o', 'json'], [...SCHEDULED, false]);
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.code).toBe(0);
    check();
    expect(JSON.parse(r.stdout)).toMatchObject({ room_id: ROOM_ID, name: 'Town hall' });
    expect(r.stderr).toContain(
      "  enablex room create --name 'Town hall' --owner-ref 'hr'\\''s team' --scheduled --scheduled-time 2026-12-01T04:00:00Z --duration 30 --mode group --moderators 1 --participants 20 --no-auto-recording\n",
    );
    expect(r.prompter.left).toEqual([]);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('prints a command line that builds the same body without the wizard', async () => {
    const check = expectPost(SCHEDULED_BODY);
    const r = await wizard([], [...SCHEDULED, false]);
    expect(r.code).toBe(0);
    const again = await runCli([...printedArgv(r.stderr), '--dry-run']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).body).toEqual(check());
  });

  it('shows the start and the join window in local time and UTC', async () => {
    expectPost(SCHEDULED_BODY);
    const r = await wizard([], [...SCHEDULED, false]);
    expect(r.stderr).toContain('Starts Tue 2026-12-01 09:30 Asia/Kolkata = 2026-12-01 04:00:00 UTC');
    expect(r.stderr).toContain(
      'Join window  opens  Tue 2026-12-01 09:15 Asia/Kolkata  (2026-12-01 03:45:00 UTC)\n' +
        '               closes Tue 2026-12-01 10:00 Asia/Kolkata  (2026-12-01 04:30:00 UTC)',
    );
    expect(r.stderr).toMatch(/Summary\n[\s\S]*Type {12}scheduled: one session/);
  });

  it('runs without -i when no required flag is given on a terminal', async () => {
    expectPost(SCHEDULED_BODY);
    const r = await wizard([], [...SCHEDULED, false]);
    expect(r.code).toBe(0);
    expect(r.prompter.transcript.questions[0]).toBe('Room name');
  });

  it('reads "tomorrow 15:00" in the local zone', async () => {
    const check = expectPost();
    const answers = [...SCHEDULED];
    answers[3] = 'tomorrow 15:00';
    const r = await wizard([], [...answers, false]);
    expect(r.code).toBe(0);
    // The test clock is 2026-11-29 17:30 in Kolkata: tomorrow 15:00 there is 09:30 UTC.
    expect((check() as { settings: Record<string, unknown> }).settings['scheduled_time']).toBe(
      '2026-11-30 09:30:00',
    );
  });
});

describe('room create wizard: start times as people type them', () => {
  // The test clock is 2026-11-29 12:00 UTC: 17:30 in Kolkata.
  const startOf = (check: () => unknown) =>
    (check() as { settings: Record<string, unknown> }).settings['scheduled_time'];

  it('a bare "23:30" is today, and says so', async () => {
    const check = expectPost();
    const answers = [...SCHEDULED];
    answers[3] = '23:30';
    const r = await wizard([], [...answers, false]);
    expect(r.code).toBe(0);
    expect(startOf(check)).toBe('2026-11-29 18:00:00');
    expect(r.stderr).toContain('Starts today, Sun 2026-11-29 23:30 Asia/Kolkata = 2026-11-29 18:00:00 UTC\n');
  });

  it('a bare "9:00" that has passed today is tomorrow, and says why', async () => {
    const check = expectPost();
    const answers = [...SCHEDULED];
    answers[3] = '9:00';
    const r = await wizard([], [...answers, false]);
    expect(startOf(check)).toBe('2026-11-30 03:30:00');
    expect(r.stderr).toContain(
      'Starts tomorrow, Mon 2026-11-30 09:00 Asia/Kolkata = 2026-11-30 03:30:00 UTC (that time has passed today)',
    );
  });

  it('"tomorrow 9am" is read with its am', async () => {
    const check = expectPost();
    const answers = [...SCHEDULED];
    answers[3] = 'tomorrow 9am';
    expect((await wizard([], [...answers, false])).code).toBe(0);
    expect(startOf(check)).toBe('2026-11-30 03:30:00');
  });

  it('asks which instant a time the clocks pass twice means (New York, clocks go back)', async () => {
    const check = expectPost();
    const answers = [...SCHEDULED];
    answers.splice(3, 1, '2027-11-07 01:30', '2027-11-07T06:30:00.000Z');
    const r = await wizard([], [...answers, false], { env: { TZ: 'America/New_York' } });
    expect(r.code).toBe(0);
    expect(r.prompter.transcript.questions).toContainEqual(
      expect.stringContaining(
        '2027-11-07 01:30 happens twice in America/New_York (the clocks go back that night): which one?',
      ),
    );
    expect(startOf(check)).toBe('2027-11-07 06:30:00');
    expect(r.stderr).toContain('Starts Sun 2027-11-07 01:30 America/New_York = 2027-11-07 06:30:00 UTC');
  });

  it('refuses a time the clocks skip (New York, clocks go forward), saying why', async () => {
    expectPost();
    const answers = [...SCHEDULED];
    answers.splice(3, 0, '2027-03-14 02:30');
    const r = await wizard([], [...answers, false], { env: { TZ: 'America/New_York' } });
    expect(r.code).toBe(0);
    expect(r.refusals).toEqual([
      '--scheduled-time: 2027-03-14 02:30 does not exist in America/New_York: the clocks go forward 60 minutes that night (daylight saving time) and skip it; pick a time outside the gap, such as 03:30.',
    ]);
  });
});

describe('room create wizard: every answer is checked by the flag rules', () => {
  // [question index in SCHEDULED, bad answer, the flags' own message, the flags that give it]
  it.each([
    [0, '   ', '--name must not be empty.', ['--name', ' ', '--owner-ref', 'o']],
    [4, '5', '--duration: must be at least 10.', ['--duration', '5']],
    [4, 'ten', '--duration: must be a whole number >= 10.', ['--duration', 'ten']],
    [
      7,
      '500',
      '--participants must be between 1 and 300 for a scheduled group room (got 500).',
      ['--participants', '500'],
    ],
    [7, '0', '--participants: must be at least 1.', ['--participants', '0']],
    [6, '-1', '--moderators: must be a whole number >= 0.', ['--moderators', '-1']],
  ])('answer %i = %j is refused with %j, then corrected', async (index, bad, message, flags) => {
    expectPost(SCHEDULED_BODY);
    const answers = [...SCHEDULED];
    answers.splice(index, 0, bad);
    const r = await wizard([], [...answers, false]);
    expect(r.refusals).toEqual([message]);
    expect(r.code).toBe(0);
    // The very same message as the flags give (one source of truth).
    const base = [
      '--name',
      'Town hall',
      '--owner-ref',
      'o',
      '--scheduled',
      '--scheduled-time',
      '2026-12-01 04:00:00',
    ];
    const withFlags = await runCli(['room', 'create', ...base, '--duration', '30', ...flags]);
    expect(withFlags.code).toBe(2);
    expect(withFlags.stderr).toContain(`Error: ${message}\n`);
  });

  it('refuses a start time in the past or not a time, naming the rule', async () => {
    expectPost(SCHEDULED_BODY);
    const answers = [...SCHEDULED];
    answers.splice(3, 0, '2026-11-29 17:00', '2026-02-30 10:00', 'next week');
    const r = await wizard([], [...answers, false]);
    expect(r.code).toBe(0);
    expect(r.refusals).toEqual([
      // In the zone the organiser types in, not in UTC.
      '--scheduled-time: must be in the future (it is Sun 2026-11-29 17:00 Asia/Kolkata, now is Sun 2026-11-29 17:30 Asia/Kolkata).',
      '--scheduled-time: 2026-02-30 10:00 is not a real date and time; use "YYYY-MM-DD HH:MM" in your time zone (Asia/Kolkata), "23:30" or "tomorrow 9am".',
      '--scheduled-time: use "YYYY-MM-DD HH:MM" in your time zone (Asia/Kolkata), "23:30" or "tomorrow 9am".',
    ]);
  });

  it('checks active talkers against the participants already given', async () => {
    const check = expectPost();
    const answers: Answer[] = ['X', 'o', 'permanent', 'group', '', '150', '', false, true];
    answers.push('max-active-talkers', '16', '8', 'done', 'create', false);
    const r = await wizard([], answers);
    expect(r.refusals).toEqual([
      '--participants must be between 1 and 100 for a room with 16 active talkers (got 150).',
    ]);
    expect(r.code).toBe(0);
    expect(check()).toMatchObject({ settings: { participants: '150', max_active_talkers: 8 } });
  });

  it('asks again, with the message, when a changed answer breaks another one', async () => {
    const check = expectPost();
    const answers: Answer[] = ['T', 'o', 'scheduled', '2026-12-01 09:30', '60', 'lecture', '', '800'];
    answers.push('', false, false, 'change', 'mode', 'group', '250', 'create', false);
    const r = await wizard([], answers);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      '--participants must be between 1 and 300 for a scheduled group room (got 800).',
    );
    expect(check()).toMatchObject({ settings: { mode: 'group', participants: '250' } });
  });
});

describe('room create wizard: room types and settings', () => {
  it('a permanent room sends no schedule', async () => {
    expectPost({
      name: 'X',
      owner_ref: 'o',
      settings: { mode: 'group', moderators: '1', participants: '10', auto_recording: false },
    });
    const r = await wizard(['-i'], [...PERMANENT_TO_SUMMARY, 'create', false]);
    expect(r.code).toBe(0);
    expect(r.prompter.transcript.questions).not.toContain('Duration in minutes (at least 10)');
  });

  it.each([
    ['without a duration', '', undefined, 'none (the room is deleted after its first session)'],
    ['with a duration', '45', '45', '45 minutes (the room stays after its first session)'],
  ])('an adhoc room %s', async (_, duration, sent, shown) => {
    const check = expectPost();
    const answers: Answer[] = ['X', 'o', 'adhoc', duration, 'lecture', '2', '100', 'HD', true, false];
    const r = await wizard([], [...answers, 'create', false]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('An adhoc room is deleted after its first session, unless it has a duration.');
    expect(r.stderr).toMatch(new RegExp(`Duration +${shown.replace(/[()]/g, '\\$&')}`));
    expect(check()).toEqual({
      name: 'X',
      owner_ref: 'o',
      settings: {
        mode: 'lecture',
        adhoc: true,
        ...(sent ? { duration: sent } : {}),
        moderators: '2',
        participants: '100',
        quality: 'HD',
        auto_recording: true,
      },
    });
  });

  it('more settings: on/off, choices, text and back to not set', async () => {
    const check = expectPost();
    const answers: Answer[] = [...PERMANENT_TO_SUMMARY.slice(0, -1), true];
    answers.push('knock', 'yes', 'screen-share', 'no', 'media-zone', 'IN', 'description', 'Weekly all hands');
    answers.push('wait-for-moderator', 'yes', 'wait-for-moderator', '(unset)', 'done', 'create', false);
    const r = await wizard([], answers);
    expect(r.code).toBe(0);
    expect(check()).toMatchObject({
      settings: { knock: true, screen_share: false, media_zone: 'IN', description: 'Weekly all hands' },
    });
    expect((check() as { settings: object }).settings).not.toHaveProperty('wait_for_moderator');
    expect(r.stderr).toContain(
      "  enablex room create --name X --owner-ref o --mode group --description 'Weekly all hands' --moderators 1 --participants 10 --no-auto-recording --no-screen-share --knock --media-zone IN\n",
    );
  });

  it('every setting flag can be answered: the main questions and "more settings" cover the settings table', () => {
    const reachable = new Set([...MAIN_FLAGS, ...MORE_FLAGS]);
    expect(ROOM_SETTINGS.map((s) => s.flag).filter((f) => !reachable.has(f))).toEqual([]);
    for (const flag of ['sip', 'billing-code', 'live-recording', 'watermark'])
      expect(MORE_FLAGS).toContain(flag);
  });

  it('more settings: SIP dial-in, billing code, live recording and watermark reach the body', async () => {
    const check = expectPost();
    const answers: Answer[] = [...PERMANENT_TO_SUMMARY.slice(0, -1), true];
    answers.push('sip', 'yes', 'billing-code', 'B-42', 'live-recording', 'yes', 'watermark', 'yes');
    answers.push('done', 'create', false);
    const r = await wizard([], answers);
    expect(r.code).toBe(0);
    expect(check()).toMatchObject({
      sip: { enabled: true },
      settings: { billing_code: 'B-42', watermark: true },
    });
    expect(JSON.stringify(check())).toContain('"live_recording"');
    expect(r.stderr).toMatch(/--live-recording/);
    expect(r.stderr).toMatch(/--sip/);
  });

  it('offers flags given with -i as defaults and keeps the other settings given', async () => {
    const check = expectPost();
    const args = [
      '-i',
      '--name',
      'Seeded',
      '--owner-ref',
      'me',
      '--participants',
      '25',
      '--canvas',
      '--data',
      'k=v',
    ];
    const r = await wizard(args, ['', '', '', '', '', '', '', false, false, 'create', false]);
    expect(r.code).toBe(0);
    expect(check()).toEqual({
      name: 'Seeded',
      owner_ref: 'me',
      settings: { mode: 'group', moderators: '1', participants: '25', auto_recording: false, canvas: true },
      data: { k: 'v' },
    });
    expect(r.stderr).toContain('--canvas --data k=v');
  });

  it('"none" clears a typed setting, even one given with -i', async () => {
    const check = expectPost();
    const answers: Answer[] = ['', '', 'adhoc', 'none', '', '', '', '', false, true];
    answers.push(
      'description',
      'none',
      'max-active-talkers',
      '4',
      'max-active-talkers',
      'NONE',
      'done',
      'create',
      false,
    );
    const r = await wizard(['-i', '--name', 'X', '--owner-ref', 'o', '--description', 'old'], answers);
    expect(r.code).toBe(0);
    const body = check() as { settings: Record<string, unknown> };
    expect(body.settings).not.toHaveProperty('description');
    expect(body.settings).not.toHaveProperty('max_active_talkers');
    expect(body.settings).not.toHaveProperty('duration');
  });

  it('a UTC start given with -i is offered in local time and sent unchanged', async () => {
    const check = expectPost(SCHEDULED_BODY);
    const args = ['-i', '--name', 'Town hall', '--owner-ref', "hr's team", '--scheduled'];
    args.push('--scheduled-time', '2026-12-01T04:00:00Z', '--duration', '30', '--participants', '20');
    const r = await wizard(args, ['', '', '', '', '', '', '', '', '', '', false, 'create', false]);
    expect(r.code).toBe(0);
    check();
    expect(r.stderr).toContain('Starts Tue 2026-12-01 09:30 Asia/Kolkata = 2026-12-01 04:00:00 UTC');
  });

  it('a setting given with -i that breaks its rule is asked first, with the rule', async () => {
    const check = expectPost();
    const r = await wizard(
      ['-i', '--max-active-talkers', '20'],
      ['12', ...PERMANENT_TO_SUMMARY, 'create', false],
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('--max-active-talkers: must be at most 16.');
    expect(r.prompter.transcript.questions[0]).toMatch(/^Max active talkers/);
    expect(check()).toMatchObject({ settings: { max_active_talkers: 12 } });
  });

  it('changing the room type drops the schedule and asks what the new type needs', async () => {
    const check = expectPost();
    const answers = [...SCHEDULED.slice(0, -1), 'change', 'type', 'adhoc', '', 'create', false];
    const r = await wizard([], answers);
    expect(r.code).toBe(0);
    const body = check() as { settings: Record<string, unknown> };
    expect(body.settings).toMatchObject({ adhoc: true, duration: '30' });
    expect(body.settings).not.toHaveProperty('scheduled');
    expect(body.settings).not.toHaveProperty('scheduled_time');
  });

  it('with --dry-run it prints the request and sends nothing', async () => {
    const r = await wizard(['--dry-run'], [...PERMANENT_TO_SUMMARY, 'create']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ method: 'POST', path: '/rooms', body: { name: 'X' } });
    expect(r.stderr).toContain('enablex room create --name X --owner-ref o');
  });
});

describe('room create wizard: stopping', () => {
  it('Cancel at the summary creates nothing and exits 0', async () => {
    const r = await wizard([], [...PERMANENT_TO_SUMMARY, 'cancel']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Nothing created.');
  });

  it.each([1, 4, 8, 11])('Ctrl-C at question %i: exit 130, no request, no file', async (at) => {
    const answers: Answer[] = [...SCHEDULED.slice(0, at), CTRL_C];
    const r = await wizard([], answers);
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('Error: Interrupted: no room was created.');
    expect(r.stdout).toBe('');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('Ctrl-C when asked for the file path leaves no file; the room was made, so exit 0', async () => {
    expectPost(SCHEDULED_BODY);
    const r = await wizard([], [...SCHEDULED, true, CTRL_C]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Room \w+ was created; the settings file was not saved\./);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('room create wizard: saving the body for --file', () => {
  it('saves the body to room-<slug>.json, which --file turns into the same body', async () => {
    const check = expectPost(SCHEDULED_BODY);
    const r = await wizard([], [...SCHEDULED, true, '']);
    expect(r.code).toBe(0);
    expect(readdirSync(cwd)).toEqual(['room-town-hall.json']);
    const saved = JSON.parse(readFileSync(join(cwd, 'room-town-hall.json'), 'utf8'));
    expect(saved).toEqual(check());
    expect(buildCreateBody({ flags: new Map(), file: saved, now: new Date('2026-11-29T12:00:00Z') })).toEqual(
      saved,
    );
    expect(r.stderr).toContain(
      'Create a room like it with: enablex room create -f room-town-hall.json --scheduled-time',
    );
  });

  it('never overwrites without asking; "no" asks for another path', async () => {
    writeFileSync(join(cwd, 'room-town-hall.json'), 'keep me');
    expectPost(SCHEDULED_BODY);
    const r = await wizard([], [...SCHEDULED, true, '', false, 'my room.json']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(cwd, 'room-town-hall.json'), 'utf8')).toBe('keep me');
    expect(JSON.parse(readFileSync(join(cwd, 'my room.json'), 'utf8'))).toEqual(SCHEDULED_BODY);
    expect(r.prompter.transcript.questions).toContain('room-town-hall.json exists. Overwrite it?');
    expect(r.stderr).toContain("enablex room create -f 'my room.json'");
  });

  it('overwrites when the user says yes', async () => {
    writeFileSync(join(cwd, 'room-town-hall.json'), 'old');
    expectPost(SCHEDULED_BODY);
    const r = await wizard([], [...SCHEDULED, true, '', true]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, 'room-town-hall.json'), 'utf8'))).toEqual(SCHEDULED_BODY);
    expect(readdirSync(cwd)).toEqual(['room-town-hall.json']);
  });

  it('a path in a missing folder is refused and asked again', async () => {
    expectPost(SCHEDULED_BODY);
    const r = await wizard([], [...SCHEDULED, true, 'nope/room.json', 'room.json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('cannot write nope/room.json: no such folder.');
    expect(readdirSync(cwd)).toEqual(['room.json']);
  });
});

describe('room create: no prompt possible', () => {
  it.each([
    [['-i'], { tty: false }, 'missing --name and --owner-ref (no prompt: not a terminal).'],
    [[], { tty: false }, 'missing --name and --owner-ref (no prompt: not a terminal).'],
    [['-i', '--name', 'x'], { tty: false }, 'missing --owner-ref (no prompt: not a terminal).'],
    [
      ['-i', '--name', 'x', '--owner-ref', 'y'],
      { tty: false },
      '-i/--interactive needs a terminal (no prompt: not a terminal).',
    ],
    [['-i'], { tty: true, env: { CI: 'true' } }, 'missing --name and --owner-ref (no prompt: CI is set).'],
    [[], { tty: true, env: { CI: '1' } }, 'missing --name and --owner-ref (no prompt: CI is set).'],
    [['--no-input'], { tty: true }, 'missing --name and --owner-ref (no prompt: --no-input).'],
    [['-i', '-f', 'room.json'], { tty: true }, '-i/--interactive and --file cannot be combined'],
  ])('room create %j: exit 2, %s', async (args, opts, message) => {
    const r = await wizard(args, [], opts);
    expect(r.stderr).toContain(`Error: ${message}`);
    expect(r.code).toBe(2);
    expect(r.prompter.transcript.questions).toEqual([]);
  });

  it('without credentials it fails before the first question', async () => {
    const r = await wizard([], ['X'], {
      env: { ENABLEX_APP_ID: '', ENABLEX_APP_KEY: '', ENABLEX_CONFIG_DIR: cwd },
    });
    expect(r.code).toBe(3);
    expect(r.prompter.transcript.questions).toEqual([]);
  });
});
