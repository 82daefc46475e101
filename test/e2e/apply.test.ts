import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoom, startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import { Outputs, tempDir } from './helpers/run.js';
import { apiTime, daysAhead } from './helpers/time.js';

/** `enablex room export` and `room apply` as the built binary, against an in-process emulator. */
const out = new Outputs();
out.scan();
let t: TestEmulator;
let dir: string;

beforeAll(async () => {
  t = await startTestEmulator({ outputs: out });
  dir = tempDir('apply');
});

interface LiveRoom {
  room_id: string;
  name: string;
  owner_ref: string;
  settings: Record<string, unknown>;
}

/** The live rooms of one owner_ref, read through the API (not the CLI). */
async function roomsOf(owner: string): Promise<LiveRoom[]> {
  const a = await t.api('GET', '/rooms');
  return (a.body['rooms'] as LiveRoom[]).filter((r) => r.owner_ref === owner);
}

/** Writes a file in the test folder; returns its path. */
function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** A rooms file of `n` plain rooms of one owner. */
function manyRooms(owner: string, n: number): string {
  const rooms = Array.from(
    { length: n },
    (_, i) =>
      `  - name: Room ${i + 1}\n    owner_ref: ${owner}\n    settings:\n      participants: ${i + 2}\n`,
  );
  return `rooms:\n${rooms.join('')}`;
}

/** The POST /rooms lines of the request log since `mark`. */
const posts = (mark: number) => t.since(mark).filter((l) => l.startsWith('POST /video/v2/rooms '));

describe('room apply with faults mid-apply, then a re-run', () => {
  it('exits 6 listing the failures; the re-run finishes the job with no duplicate', async () => {
    const file = write('faulty.yaml', manyRooms('faulty', 20));
    // Some creates are refused (503, never reached the handler); some are cut off after the room was
    // made (the CLI cannot know it exists). A POST is never sent twice either way.
    await t.faults({ failRate: 0.2, truncateRate: 0.2, match: 'POST /video/v2/rooms', seed: 7 });
    let mark = t.requests.length;
    const first = await out.run(['room', 'apply', '-f', file, '--concurrency', '4'], { env: t.env() });
    await t.faults({});
    expect(first.code, first.stderr).toBe(6);
    const failures = first.stderr.split('\n').filter((l) => l.startsWith('✗ create'));
    expect(failures.length).toBeGreaterThan(0);
    expect(first.stderr).toContain(`Error: ${failures.length} of 20 changes failed.`);
    const sent = await t.settled(mark + 21);
    const firstPosts = posts(mark);
    expect(firstPosts).toHaveLength(20);
    expect(firstPosts.some((l) => l.includes('[fault: fail]'))).toBe(true);
    expect(firstPosts.some((l) => l.includes('[fault: truncate]'))).toBe(true);
    expect(sent.length).toBeGreaterThanOrEqual(mark + 21);
    const afterFirst = await roomsOf('faulty');
    expect(afterFirst.length).toBeLessThan(20);
    // Truncated answers: rooms that exist although the CLI reported them failed.
    expect(afterFirst.length).toBeGreaterThan(20 - failures.length);

    mark = t.requests.length;
    const second = await out.run(['room', 'apply', '-f', file], { env: t.env() });
    expect(second.code, second.stderr).toBe(0);
    expect(posts(mark)).toHaveLength(20 - afterFirst.length);
    const rooms = await roomsOf('faulty');
    expect(rooms).toHaveLength(20);
    expect(new Set(rooms.map((r) => r.name)).size).toBe(20);

    const third = await out.run(['room', 'apply', '-f', file, '--dry-run', '--exit-code'], { env: t.env() });
    expect(third.code, third.stderr).toBe(0);
    expect(third.stdout).toBe('Plan: 20 unchanged.\n');
  });

  it('answers of 429 are waited out and retried, even for a POST, with no duplicate', async () => {
    const file = write('busy.yaml', manyRooms('busy', 3));
    await t.faults({ failFirst: 2, failStatus: 429, retryAfterSeconds: 0, match: 'POST /video/v2/rooms' });
    const r = await out.run(['room', 'apply', '-f', file], { env: t.env() });
    await t.faults({});
    expect(r.code, r.stderr).toBe(0);
    expect(await roomsOf('busy')).toHaveLength(3);
  });
});

describe('round trip: export, apply, edit, apply again', () => {
  beforeAll(async () => {
    const start = apiTime(daysAhead(5));
    await apiRoom(t, { name: 'Plain', owner_ref: 'trip', settings: { participants: '7' } });
    await apiRoom(t, {
      name: 'Town hall',
      owner_ref: 'trip',
      settings: {
        mode: 'lecture',
        scheduled: true,
        scheduled_time: start,
        duration: '60',
        participants: '500',
      },
      sip: { enabled: true },
      data: { team: 'hr' },
    });
    await apiRoom(t, {
      name: 'Recorded',
      owner_ref: 'trip',
      settings: {
        role_based_recording: { moderator: 'audio', participant: 'audiovideo' },
        max_active_talkers: 4,
        knock: true,
      },
    });
  });

  it.each([
    ['YAML', '', 'rooms.yaml'],
    ['JSON', '-o json', 'rooms.json'],
  ])('%s: export > file && apply --dry-run --exit-code exits 0', async (_f, flag, name) => {
    const r = await out.bash(
      `cd ${JSON.stringify(dir)} && enablex room export --owner-ref trip ${flag} > ${name} && enablex room apply -f ${name} --dry-run --exit-code`,
      { env: t.env() },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('Plan: 3 unchanged.\n');
    const text = readFileSync(join(dir, name), 'utf8');
    expect(text).not.toContain('room_id');
    expect(text).not.toContain('created');
    expect(text).not.toContain('pin');
  });

  it('an edited export applies only the edit (a nested sibling kept), and the next apply has nothing to do', async () => {
    const exported = await out.run(['room', 'export', '--owner-ref', 'trip'], { env: t.env() });
    expect(exported.code, exported.stderr).toBe(0);
    const edited = exported.stdout
      .replace('participants: 7', 'participants: 9')
      .replace('moderator: audio', 'moderator: audiovideo');
    expect(edited).not.toBe(exported.stdout);
    const file = write('edited.yaml', edited);
    const plan = await out.run(['room', 'apply', '-f', file, '--dry-run', '--exit-code'], { env: t.env() });
    expect(plan.code).toBe(8);
    expect(plan.stdout).toContain('settings.participants: 7 -> 9');
    expect(plan.stdout).toContain('settings.role_based_recording.moderator: "audio" -> "audiovideo"');

    const applied = await out.run(['room', 'apply', '-f', file], { env: t.env() });
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stderr).toContain('✓ Applied 2 changes.');
    const recorded = (await roomsOf('trip')).find((r) => r.name === 'Recorded');
    expect(recorded?.settings['role_based_recording']).toEqual({
      moderator: 'audiovideo',
      participant: 'audiovideo',
    });

    const again = await out.run(['room', 'apply', '-f', file, '--dry-run', '--exit-code'], { env: t.env() });
    expect(again.code, again.stderr).toBe(0);
  });
});

describe('prune and replace need --yes without a terminal', () => {
  it('exit 2 and nothing changed; with --yes the unlisted room goes and the changed type is re-created', async () => {
    const keep = await apiRoom(t, { name: 'Keep', owner_ref: 'prune' });
    const gone = await apiRoom(t, { name: 'Gone', owner_ref: 'prune' });
    const other = await apiRoom(t, { name: 'Other owner', owner_ref: 'not-in-file' });
    const file = write(
      'prune.yaml',
      'rooms:\n  - {name: Keep, owner_ref: prune, settings: {mode: lecture}}\n',
    );
    const refused = await out.run(['room', 'apply', '-f', file, '--prune', '--replace'], { env: t.env() });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('without --yes');
    expect((await roomsOf('prune')).map((r) => r.room_id).sort()).toEqual([keep, gone].sort());

    const done = await out.run(['room', 'apply', '-f', file, '--prune', '--replace', '--yes'], {
      env: t.env(),
    });
    expect(done.code, done.stderr).toBe(0);
    const left = await roomsOf('prune');
    expect(left).toHaveLength(1);
    expect(left[0]?.settings['mode']).toBe('lecture');
    expect(left[0]?.room_id).not.toBe(keep);
    expect(done.stderr).toContain(`(was ${keep})`);
    expect((await t.roomIds()).includes(other)).toBe(true);
  });
});
