import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { renderDiff, showValue } from '../../../src/commands/room/apply-diff.js';
import type { PlanItem } from '../../../src/commands/room/apply-plan.js';
import { exportEntry } from '../../../src/commands/room/export.js';
import { run as apply } from '../../../src/commands/room/apply.js';
import { API_ORIGIN, runCli } from '../../helpers/cli.js';
import { makeFactory } from '../../helpers/factory.js';
import { useNock } from '../../helpers/nock.js';
import { tempDir, removeTempDir } from '../../helpers/temp.js';

useNock();
const api = () => nock(API_ORIGIN);
const dir = tempDir('apply');
afterAll(() => removeTempDir(dir));

/** Writes a rooms file in the test folder and returns its path. */
function roomsFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const ID1 = '6ad87100f8f8ae62e2c37831';
const ID2 = '6ad87100f8f8ae62e2c37832';
const ID3 = '6ad87100f8f8ae62e2c37833';
const live = [
  { room_id: ID1, name: 'Standup', owner_ref: 'team', settings: { mode: 'group', participants: '5' } },
  { room_id: ID2, name: 'Old', owner_ref: 'team', settings: { mode: 'group' } },
  { room_id: ID3, name: 'Lecture', owner_ref: 'team', settings: { mode: 'group' } },
];
const FILE = roomsFile(
  'rooms.yaml',
  `rooms:
  - name: Standup
    owner_ref: team
    settings:
      participants: 8
  - name: New
    owner_ref: team
  - name: Lecture
    owner_ref: team
    settings:
      mode: lecture
`,
);

describe('room apply --dry-run', () => {
  it('prints the plan as a diff, sends nothing but the list, exits 8 with --exit-code', async () => {
    api().get('/video/v2/rooms').reply(200, { result: 0, rooms: live });
    const r = await runCli(['room', 'apply', '-f', FILE, '--dry-run', '--exit-code', '--prune']);
    expect(r.code, r.stderr).toBe(8);
    expect(r.stdout).toBe(
      [
        `~ update "Standup" (owner_ref team) ${ID1}`,
        '    settings.participants: 5 -> 8',
        '+ create "New" (owner_ref team)',
        `-/+ replace "Lecture" (owner_ref team) ${ID3}`,
        '    settings.mode: "group" -> "lecture"',
        '    mode, scheduled or adhoc cannot change: pass --replace to delete and re-create it',
        `- delete "Old" (owner_ref team) ${ID2}`,
        'Plan: 1 to create, 1 to update, 1 needing re-creation (--replace), 1 to delete.',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('Changes are pending (exit 8): run without --dry-run to apply them.\n');
  });

  it('prints the plan as data with -o json', async () => {
    api().get('/video/v2/rooms').reply(200, { result: 0, rooms: live });
    const r = await runCli(['room', 'apply', '-f', FILE, '--dry-run', '-o', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        action: 'update',
        name: 'Standup',
        owner_ref: 'team',
        room_id: ID1,
        changes: [{ key: 'settings.participants', from: '5', to: '8' }],
      },
      { action: 'create', name: 'New', owner_ref: 'team', changes: [] },
      {
        action: 'replace',
        name: 'Lecture',
        owner_ref: 'team',
        room_id: ID3,
        changes: [{ key: 'settings.mode', from: 'group', to: 'lecture' }],
      },
    ]);
    expect(r.stderr).toContain('1 live room of these owner_refs not in the file (--prune deletes them)');
  });

  it('exits 0 with --exit-code when nothing is pending', async () => {
    api()
      .get('/video/v2/rooms')
      .reply(200, { result: 0, rooms: [live[0]] });
    const file = roomsFile(
      'same.yaml',
      'rooms:\n  - {name: Standup, owner_ref: team, settings: {participants: "5"}}\n',
    );
    const r = await runCli(['room', 'apply', '-f', file, '--dry-run', '--exit-code']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('Plan: 1 unchanged.\n');
  });
});

describe('room apply: checks before anything is sent (exit 2)', () => {
  it.each<[string, string[], string]>([
    ['no file', ['room', 'apply'], '-f/--file is required'],
    ['--exit-code alone', ['room', 'apply', '-f', FILE, '--exit-code'], '--exit-code needs --dry-run'],
    [
      'a bad concurrency',
      ['room', 'apply', '-f', FILE, '--concurrency', '0'],
      '--concurrency must be a whole number from 1 to 32',
    ],
    ['a missing file', ['room', 'apply', '-f', join(dir, 'nope.yaml')], 'no such file'],
  ])('%s', async (_w, argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('a broken room names the room and the key; no request is made', async () => {
    const file = roomsFile(
      'bad.yaml',
      'rooms:\n  - name: A\n    owner_ref: t\n    settings: {participants: lots}\n',
    );
    const r = await runCli(['room', 'apply', '-f', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rooms[0] "A" (owner_ref t): settings.participants: must be a whole number');
  });

  it('deletions need --yes without a terminal: exit 2, nothing changed', async () => {
    api().get('/video/v2/rooms').reply(200, { result: 0, rooms: live });
    const r = await runCli(['room', 'apply', '-f', FILE, '--prune']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'refusing to delete 1 room without --yes (not a terminal); nothing was changed.',
    );
  });

  it('re-creation needs --yes too', async () => {
    api().get('/video/v2/rooms').reply(200, { result: 0, rooms: live });
    const r = await runCli(['room', 'apply', '-f', FILE, '--replace']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refusing to delete and re-create 1 room (new room ids) without --yes');
  });
});

describe('room apply: applying', () => {
  it('sends only the differing keys, re-creates with --replace, prunes, and lists each room', async () => {
    const created: unknown[] = [];
    api()
      .get('/video/v2/rooms')
      .reply(200, { result: 0, rooms: live })
      .patch(`/video/v2/rooms/${ID1}`, { settings: { participants: '8' } })
      .reply(200, { result: 0 })
      .post('/video/v2/rooms', (b: unknown) => (created.push(b), true))
      .twice()
      .reply(200, (_u, b) => ({
        result: 0,
        room: { room_id: (b as { name: string }).name === 'New' ? 'a'.repeat(24) : 'b'.repeat(24) },
      }))
      .delete(`/video/v2/rooms/${ID3}`)
      .reply(200, { result: 0 })
      .delete(`/video/v2/rooms/${ID2}`)
      .reply(200, { result: 0 });
    const r = await runCli([
      'room',
      'apply',
      '-f',
      FILE,
      '--prune',
      '--replace',
      '--yes',
      '--concurrency',
      '1',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(created).toEqual([
      { name: 'New', owner_ref: 'team' },
      { name: 'Lecture', owner_ref: 'team', settings: { mode: 'lecture' } },
    ]);
    expect(r.stderr).toContain(`✓ updated "Standup" (owner_ref team) ${ID1}`);
    expect(r.stderr).toContain(`✓ created "New" (owner_ref team) ${'a'.repeat(24)}`);
    expect(r.stderr).toContain(`✓ re-created "Lecture" (owner_ref team) ${'b'.repeat(24)} (was ${ID3})`);
    expect(r.stderr).toContain(`✓ deleted "Old" (owner_ref team) ${ID2}`);
    expect(r.stderr).toContain('✓ Applied 4 changes.');
  });

  it('one room failing does not stop the others; a POST is sent once; exit 6 naming the failure', async () => {
    const file = roomsFile(
      'three.yaml',
      'rooms:\n  - {name: A, owner_ref: t}\n  - {name: B, owner_ref: t}\n  - {name: C, owner_ref: t}\n',
    );
    api()
      .get('/video/v2/rooms')
      .reply(200, { result: 0, rooms: [] })
      .post('/video/v2/rooms', { name: 'A', owner_ref: 't' })
      .reply(200, { result: 0, room: { room_id: 'a'.repeat(24) } })
      .post('/video/v2/rooms', { name: 'B', owner_ref: 't' })
      .once()
      .reply(503, { result: '50001', error: 'Failed to create Room' })
      .post('/video/v2/rooms', { name: 'C', owner_ref: 't' })
      .reply(200, { result: 0, room: { room_id: 'c'.repeat(24) } });
    const r = await runCli(['room', 'apply', '-f', file, '-o', 'json', '--retries', '3']);
    expect(r.code).toBe(6);
    const outcomes = JSON.parse(r.stdout) as { name: string; status: string }[];
    expect(outcomes.map((o) => `${o.name} ${o.status}`)).toEqual(['A done', 'B failed', 'C done']);
    expect(r.stderr).toMatch(/✗ create "B" \(owner_ref t\): .*Failed to create Room/);
    expect(r.stderr).toContain('Error: 1 of 3 changes failed.');
    expect(r.stderr).toContain('Run the same apply again');
  });

  it('bad credentials stop the run (exit 3) and the rooms not tried are listed', async () => {
    const file = roomsFile('two.yaml', 'rooms:\n  - {name: A, owner_ref: t}\n  - {name: B, owner_ref: t}\n');
    api()
      .get('/video/v2/rooms')
      .reply(200, { result: 0, rooms: [] })
      .post('/video/v2/rooms')
      .reply(401, { result: '10000', error: 'Application not found' });
    const r = await runCli(['room', 'apply', '-f', file, '--concurrency', '1']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('✗ create "B" (owner_ref t): not tried (the run stopped)');
  });

  it('duplicates are reported and left alone: exit 6 with how to fix it', async () => {
    const twins = [
      { room_id: ID1, name: 'A', owner_ref: 't', settings: {} },
      { room_id: ID2, name: 'A', owner_ref: 't', settings: {} },
    ];
    api().get('/video/v2/rooms').reply(200, { result: 0, rooms: twins });
    const file = roomsFile('dup.yaml', 'rooms:\n  - {name: A, owner_ref: t, settings: {knock: true}}\n');
    const r = await runCli(['room', 'apply', '-f', file]);
    expect(r.code).toBe(6);
    expect(r.stdout).toContain(`2 live rooms have this name and owner_ref (${ID1}, ${ID2})`);
    expect(r.stderr).toContain('1 room is ambiguous');
  });

  it('with no change to make it says so and exits 0', async () => {
    api()
      .get('/video/v2/rooms')
      .reply(200, { result: 0, rooms: [live[0]] });
    const file = roomsFile('same2.yaml', 'rooms:\n  - {name: Standup, owner_ref: team}\n');
    const r = await runCli(['room', 'apply', '-f', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('No changes: the live rooms match the file.');
  });

  it('shows a progress line on a terminal, cleared before the summary', async () => {
    api()
      .get('/video/v2/rooms')
      .reply(200, { result: 0, rooms: [] })
      .post('/video/v2/rooms')
      .reply(200, { result: 0, room: { room_id: 'a'.repeat(24) } });
    const file = roomsFile('one.yaml', 'rooms:\n  - {name: A, owner_ref: t}\n');
    const r = await runCli(['room', 'apply', '-f', file, '--no-color'], { stderrTTY: true });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('\r\x1b[2KApplying 1/1\r\x1b[2K✓ created "A"');
  });

  it('a scheduled room whose time has passed is skipped and reported; the run still exits 0', async () => {
    api().get('/video/v2/rooms').reply(200, { result: 0, rooms: [] });
    const file = roomsFile(
      'past.yaml',
      'rooms:\n  - {name: Past, owner_ref: t, settings: {scheduled: true, scheduled_time: "2026-11-01 10:00:00", duration: 30}}\n',
    );
    const r = await runCli(['room', 'apply', '-f', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('! skip "Past" (owner_ref t)');
    expect(r.stdout).toContain('its scheduled_time 2026-11-01 10:00:00 UTC has passed');
    expect(r.stderr).toContain('No changes to make; 1 room skipped (listed above).');
  });

  it('reads the file from stdin with -f -', async () => {
    api()
      .get('/video/v2/rooms')
      .reply(200, { result: 0, rooms: [live[0]] });
    const r = await runCli(['room', 'apply', '-f', '-', '--dry-run', '--exit-code'], {
      stdin: '{"rooms":[{"name":"Standup","owner_ref":"team"}]}',
    });
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('room export', () => {
  const room = {
    room_id: ID1,
    name: 'Standup',
    owner_ref: 'team',
    created: '2026-11-01T00:00:00.000Z',
    settings: {
      mode: 'group',
      scheduled: false,
      adhoc: false,
      participants: '5',
      max_active_talkers: '4',
      role_based_recording: { moderator: 'audio' },
      active_talker: true,
    },
    sip: { enabled: true, pin: 123456, meeting_id: 987654321 },
    data: { team: 'x' },
  };

  it('keeps user settings (counts as numbers), drops server-made fields, reports what it left out', () => {
    expect(exportEntry(room)).toEqual({
      entry: {
        name: 'Standup',
        owner_ref: 'team',
        settings: {
          mode: 'group',
          participants: 5,
          max_active_talkers: 4,
          role_based_recording: { moderator: 'audio' },
        },
        sip: { enabled: true },
        data: { team: 'x' },
      },
      dropped: ['settings.active_talker'],
    });
  });

  it('writes YAML by default, filtered, with a warning for what it left out', async () => {
    api()
      .get('/video/v2/rooms')
      .reply(200, { result: 0, rooms: [room, { ...room, room_id: ID2, owner_ref: 'other' }] });
    const r = await runCli(['room', 'export', '--owner-ref', 'team']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      [
        'rooms:',
        '  - name: Standup',
        '    owner_ref: team',
        '    settings:',
        '      mode: group',
        '      participants: 5',
        '      max_active_talkers: 4',
        '      role_based_recording:',
        '        moderator: audio',
        '    sip:',
        '      enabled: true',
        '    data:',
        '      team: x',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toContain(`Warning: room ${ID1} "Standup": left out settings.active_talker`);
  });

  it('warns when two live rooms share a name and owner_ref', async () => {
    api()
      .get('/video/v2/rooms')
      .reply(200, { result: 0, rooms: [room, { ...room, room_id: ID2 }] });
    const r = await runCli(['room', 'export']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`rooms ${ID1} and ${ID2} share the name "Standup" and owner_ref team`);
  });

  it('writes JSON with -o json and refuses other formats', async () => {
    api()
      .get('/video/v2/rooms')
      .reply(200, { result: 0, rooms: [room] });
    const r = await runCli(['room', 'export', '-o', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { rooms: unknown[] }).rooms).toHaveLength(1);
    const bad = await runCli(['room', 'export', '-o', 'csv']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('must be yaml or json');
  });
});

describe('the diff', () => {
  it('shows counts bare, text quoted, unset said so; colours only when asked', () => {
    expect([showValue('10'), showValue(10), showValue('HD'), showValue(undefined), showValue(true)]).toEqual([
      '10',
      '10',
      '"HD"',
      '(unset)',
      'true',
    ]);
    const plan: PlanItem[] = [{ action: 'delete', name: 'x', owner_ref: 'y', room_id: ID1, changes: [] }];
    expect(renderDiff(plan, new Chalk({ level: 1 }), { replace: false })).toContain('\x1b[31m- delete "x"');
    expect(renderDiff(plan, new Chalk({ level: 0 }), { replace: false })).not.toContain('\x1b');
  });
});

describe('the diff takes its colour from stdout', () => {
  it('is coloured on a terminal, plain when stdout is piped even with stderr a terminal', async () => {
    api().get('/video/v2/rooms').reply(200, { result: 0, rooms: live });
    const tty = await runCli(['room', 'apply', '-f', FILE, '--dry-run'], { stdoutTTY: true });
    expect(tty.stdout).toContain('\x1b[32m+ create "New"');
    api().get('/video/v2/rooms').reply(200, { result: 0, rooms: live });
    const piped = await runCli(['room', 'apply', '-f', FILE, '--dry-run'], { stderrTTY: true });
    expect(piped.stdout).toContain('+ create "New"');
    expect(piped.stdout).not.toContain('\x1b');
  });

  it("uses the factory's stdout colours, not a chalk of its own", async () => {
    api().get('/video/v2/rooms').reply(200, { result: 0, rooms: live });
    const { f, ctx } = makeFactory({ stdoutTTY: true, env: { FORCE_COLOR: '1' } });
    Object.defineProperty(f.io, 'cStdout', { value: new Chalk({ level: 0 }) });
    const opts = {
      file: FILE,
      dryRun: true,
      exitCode: undefined,
      prune: undefined,
      replace: undefined,
      concurrency: '4',
    };
    await apply({ opts, args: {}, given: (key) => opts[key] !== undefined }, f);
    expect(ctx.out.text).toContain('+ create "New"');
    expect(ctx.out.text).not.toContain('\x1b');
  });
});
