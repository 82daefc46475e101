import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoom, startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import { BIN, Outputs, tempDir } from './helpers/run.js';
import { apiTime, daysAhead, isoWithOffset } from './helpers/time.js';

/** `enablex room …` as the built binary, against an in-process emulator. */
const out = new Outputs();
out.scan();
let t: TestEmulator;

beforeAll(async () => {
  t = await startTestEmulator({ outputs: out });
});

/** The stored room, read through the API (not the CLI). */
async function stored(id: string): Promise<Record<string, unknown> & { settings: Record<string, unknown> }> {
  const a = await t.api('GET', `/rooms/${id}`);
  expect(a.status).toBe(200);
  return a.body['room'] as Record<string, unknown> & { settings: Record<string, unknown> };
}

describe('room create', () => {
  it('creates a permanent room: the object on stdout, the success line on stderr', async () => {
    const r = await out.run(
      ['room', 'create', '--name', 'Permanent e2e', '--owner-ref', 'team-a', '-o', 'json'],
      {
        env: t.env(),
      },
    );
    expect(r.code, r.stderr).toBe(0);
    const room = JSON.parse(r.stdout) as { room_id: string; name: string };
    expect(room.room_id).toMatch(/^[0-9a-f]{24}$/);
    expect(room.name).toBe('Permanent e2e');
    expect(r.stderr).toContain(`Created room ${room.room_id}`);
    const s = await stored(room.room_id);
    expect(s).toMatchObject({ name: 'Permanent e2e', owner_ref: 'team-a' });
    expect(s.settings).toMatchObject({ scheduled: false, adhoc: false });
  });

  it('creates a scheduled room from an ISO time with an offset and stores it in UTC', async () => {
    const start = daysAhead(3);
    const r = await out.run(
      [
        'room',
        'create',
        '--name',
        'Scheduled e2e',
        '--owner-ref',
        'team-a',
        '--scheduled',
        '--scheduled-time',
        isoWithOffset(start, 330),
        '--duration',
        '45',
        '-q',
      ],
      { env: t.env() },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^[0-9a-f]{24}\n$/);
    expect(r.stderr).toBe('');
    const s = await stored(r.stdout.trim());
    expect(s.settings['scheduled']).toBe(true);
    expect(s.settings['scheduled_time']).toBe(apiTime(start));
    expect(String(s.settings['duration'])).toBe('45');
  });

  it('creates an adhoc room with a duration, which the emulator drops as the real API did', async () => {
    const args = [
      'room',
      'create',
      '--name',
      'Adhoc e2e',
      '--owner-ref',
      'team-b',
      '--adhoc',
      '--duration',
      '60',
    ];
    const dry = await out.run([...args, '--dry-run'], { env: t.env() });
    expect(
      (JSON.parse(dry.stdout) as { body: { settings: Record<string, unknown> } }).body.settings,
    ).toMatchObject({
      adhoc: true,
      duration: '60',
    });
    const r = await out.run([...args, '-q'], { env: t.env() });
    expect(r.code, r.stderr).toBe(0);
    const s = await stored(r.stdout.trim());
    expect(s.settings).toMatchObject({ adhoc: true, scheduled: false });
    // The real API's answer for an adhoc room left its duration out (recorded 2018).
    expect(s.settings['duration']).toBeUndefined();
  });

  it('ROOM=$(enablex room create … -q) works in a real bash script', async () => {
    const r = await out.bash(
      'set -euo pipefail\n' +
        'ROOM=$(enablex room create --name "Scripted e2e" --owner-ref scripts -q)\n' +
        'echo "room=$ROOM"\n' +
        'enablex room get "$ROOM" -o json --fields room_id,name',
      { env: t.env() },
    );
    expect(r.code, r.stderr).toBe(0);
    const id = /^room=([0-9a-f]{24})$/m.exec(r.stdout)?.[1];
    expect(id).toBeDefined();
    expect(JSON.parse(r.stdout.slice(r.stdout.indexOf('{')))).toEqual({ room_id: id, name: 'Scripted e2e' });
    expect((await t.roomIds()).filter((x) => x === id)).toHaveLength(1);
  });
});

describe('room list and get', () => {
  let a1: string;
  let a2: string;
  let b1: string;
  beforeAll(async () => {
    a1 = await apiRoom(t, { name: 'Listing Alpha', owner_ref: 'list-a' });
    a2 = await apiRoom(t, { name: 'Listing beta', owner_ref: 'list-a' });
    b1 = await apiRoom(t, { name: 'Other ALPHA', owner_ref: 'list-b' });
  });

  it('prints a table, JSON, CSV with --fields, and ids with -q filters', async () => {
    const [table, json, csv, byOwner, byName] = await Promise.all([
      out.run(['room', 'list'], { env: t.env() }),
      out.run(['room', 'list', '--json'], { env: t.env() }),
      out.run(
        ['room', 'list', '-o', 'csv', '--fields', 'room_id,name,settings.mode', '--owner-ref', 'list-a'],
        {
          env: t.env(),
        },
      ),
      out.run(['room', 'list', '--owner-ref', 'list-a', '-q'], { env: t.env() }),
      out.run(['room', 'list', '--name', 'alpha', '-q'], { env: t.env() }),
    ]);
    for (const r of [table, json, csv, byOwner, byName]) expect(r.code, r.stderr).toBe(0);

    const header = table.stdout.split('\n')[0] ?? '';
    expect(header).toMatch(/^room_id\s+name\s+owner_ref\s/);
    for (const id of [a1, a2, b1]) expect(table.stdout).toContain(id);

    const rooms = JSON.parse(json.stdout) as { room_id: string; name: string }[];
    expect(Array.isArray(rooms)).toBe(true);
    expect(rooms.map((r) => r.room_id)).toEqual(expect.arrayContaining([a1, a2, b1]));
    expect(json.stdout).not.toContain('\u001b[');

    const csvLines = csv.stdout.trim().split(/\r?\n/);
    expect(csvLines[0]).toBe('room_id,name,settings.mode');
    expect(csvLines.slice(1).sort()).toEqual(
      [`${a1},Listing Alpha,group`, `${a2},Listing beta,group`].sort(),
    );

    expect(byOwner.stdout.trim().split('\n').sort()).toEqual([a1, a2].sort());
    expect(byName.stdout.trim().split('\n').sort()).toEqual([a1, b1].sort());
    expect(byOwner.stderr + byName.stderr).toBe('');
  });

  it('gets one room as JSON and with --fields', async () => {
    const [whole, picked] = await Promise.all([
      out.run(['room', 'get', a1, '-o', 'json'], { env: t.env() }),
      out.run(['room', 'get', a1, '--json', '--fields', 'name,settings.mode'], { env: t.env() }),
    ]);
    expect(whole.code, whole.stderr).toBe(0);
    expect(JSON.parse(whole.stdout)).toMatchObject({
      room_id: a1,
      name: 'Listing Alpha',
      owner_ref: 'list-a',
    });
    expect(picked.code, picked.stderr).toBe(0);
    expect(JSON.parse(picked.stdout)).toEqual({ name: 'Listing Alpha', settings: { mode: 'group' } });
  });
});

describe('room update', () => {
  it('sends only the keys given, and the room keeps the rest', async () => {
    const id = await apiRoom(t, {
      name: 'Update me',
      owner_ref: 'upd',
      settings: { description: 'before', participants: '5', quality: 'SD' },
    });
    const r = await out.run(['room', 'update', id, '--participants', '9', '--knock', '--verbose'], {
      env: t.env(),
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^name\s+Update me$/m);
    const sent = /^> (\{.*\})$/m.exec(r.stderr)?.[1];
    expect(sent, r.stderr).toBeDefined();
    expect(JSON.parse(sent as string)).toEqual({ settings: { participants: '9', knock: true } });
    const s = await stored(id);
    expect(s.name).toBe('Update me');
    expect(s.settings).toMatchObject({ description: 'before', quality: 'SD', knock: true });
    expect(String(s.settings['participants'])).toBe('9');
  });

  it('keeps the siblings of every nested setting it changes', async () => {
    const id = await apiRoom(t, {
      name: 'Nested',
      owner_ref: 'upd',
      settings: {
        role_based_recording: { moderator: 'audiovideo', participant: 'audio' },
        live_recording: { auto_recording: true, url: 'https://view.example/a' },
      },
      data: { a: '1', b: '2' },
    });
    const r = await out.run(
      [
        'room',
        'update',
        id,
        '--data',
        'c=3',
        '--record-moderator',
        'audio',
        '--live-recording-url',
        'https://view.example/b',
      ],
      { env: t.env() },
    );
    expect(r.code, r.stderr).toBe(0);
    const s = await stored(id);
    expect(s['data']).toEqual({ a: '1', b: '2', c: '3' });
    expect(s.settings['role_based_recording']).toEqual({ moderator: 'audio', participant: 'audio' });
    expect(s.settings['live_recording']).toEqual({ auto_recording: true, url: 'https://view.example/b' });
  });

  it('prints the updated room with -o json, and refuses what create refuses after reading the room', async () => {
    const id = await apiRoom(t, { name: 'Rules', settings: { participants: '5' }, data: { a: '1' } });
    const r = await out.run(['room', 'update', id, '--participants', '7', '--data', 'b=2', '-o', 'json'], {
      env: t.env(),
    });
    expect(r.code, r.stderr).toBe(0);
    const printed = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(printed).toEqual(await stored(id));
    expect(printed).toMatchObject({ room_id: id, data: { a: '1', b: '2' }, settings: { participants: '7' } });

    const mark = t.requests.length;
    const refused = await out.run(['room', 'update', id, '--scheduled-time', apiTime(daysAhead(3))], {
      env: t.env(),
    });
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toContain(`--scheduled-time: room ${id} is permanent`);
    expect(t.since(mark).map((line) => line.split(' ')[0])).toEqual(['GET']);
  });

  it('sends the legacy setting names of a --file as given, and the emulator stores them as the real API did', async () => {
    const id = await apiRoom(t);
    const r = await out.run(['room', 'update', id, '-f', '-', '-o', 'json'], {
      env: t.env(),
      stdin: JSON.stringify({ settings: { active_talker: true, wait_moderator: false } }),
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('settings.active_talker is a legacy name, sent as given');
    expect((await stored(id)).settings).toMatchObject({ active_talker: true, wait_moderator: false });
  });

  it('refuses --mode with exit 2 before sending anything', async () => {
    const id = await apiRoom(t);
    const mark = t.requests.length;
    const r = await out.run(['room', 'update', id, '--mode', 'lecture'], { env: t.env() });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Error: --mode cannot be changed/);
    expect(t.since(mark)).toEqual([]);
    expect((await stored(id)).settings['mode']).toBe('group');
  });

  it('exits 1 with result 10030 while a session is live', async () => {
    const id = await apiRoom(t, { name: 'Busy room' });
    await t.control('POST', `/rooms/${id}/simulate`, { live: true, users: 2 });
    const r = await out.run(['room', 'update', id, '--participants', '4'], { env: t.env() });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('result 10030');
    expect(r.stderr).toMatch(/Hint: .*session in progress/);
    await t.control('POST', `/rooms/${id}/end`);
  });
});

describe('room delete', () => {
  /** The bulk-delete line of `room delete`'s reference page (its spec's example), for another owner. */
  const bulkDelete = (owner: string) => {
    const readme = readFileSync(new URL('../../docs/commands/room-delete.md', import.meta.url), 'utf8');
    const line = readme.split('\n').find((l) => /^enablex room list .*\| xargs .*room delete/.test(l));
    expect(line, 'docs/commands/room-delete.md has the bulk-delete example').toBeDefined();
    return (line as string).replace('old-team', owner);
  };

  it("the README's bulk delete exits 0 when no room matches, and deletes every match otherwise", async () => {
    // xargs runs programs, not shell functions: put an `enablex` program on PATH, as an install does.
    const bin = tempDir('bulk');
    writeFileSync(join(bin, 'enablex'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(bin, 'enablex'), 0o755);
    const env = { ...t.env(), PATH: `${bin}:${process.env['PATH'] ?? ''}` };
    const none = await out.bash(`set -euo pipefail\n${bulkDelete('nobody-owns-this')}`, { env });
    expect(none.code, none.stderr).toBe(0);
    expect(none.stderr).not.toContain('error');
    const ids = [await apiRoom(t, { owner_ref: 'bulk-e2e' }), await apiRoom(t, { owner_ref: 'bulk-e2e' })];
    const some = await out.bash(`set -euo pipefail\n${bulkDelete('bulk-e2e')}`, { env });
    expect(some.code, some.stderr).toBe(0);
    const left = await t.roomIds();
    expect(ids.filter((id) => left.includes(id))).toEqual([]);
  });

  it('needs --yes without a terminal (exit 2, nothing deleted)', async () => {
    const id = await apiRoom(t);
    const mark = t.requests.length;
    const r = await out.run(['room', 'delete', id], { env: t.env() });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('--yes');
    expect(t.since(mark)).toEqual([]);
    expect(await t.roomIds()).toContain(id);
  });

  it('deletes several rooms with --yes', async () => {
    const ids = [await apiRoom(t), await apiRoom(t)];
    const r = await out.run(['room', 'delete', ...ids, '--yes'], { env: t.env() });
    expect(r.code, r.stderr).toBe(0);
    for (const id of ids) expect(r.stderr).toContain(`Deleted room ${id}`);
    const left = await t.roomIds();
    for (const id of ids) expect(left).not.toContain(id);
  });

  it('exits 4 for a missing room and 6 when only some are deleted', async () => {
    const missing = 'ffffffffffffffffffffffff';
    const keep = await apiRoom(t);
    const [one, partial] = await Promise.all([
      out.run(['room', 'delete', missing, '--yes'], { env: t.env() }),
      out.run(['room', 'delete', keep, missing, '--yes', '-o', 'json'], { env: t.env() }),
    ]);
    expect(one.code, one.stderr).toBe(4);
    expect(one.stderr).toMatch(/not found/i);
    expect(partial.code, partial.stderr).toBe(6);
    expect(JSON.parse(partial.stdout)).toEqual([
      { room_id: keep, deleted: true },
      expect.objectContaining({ room_id: missing, deleted: false }),
    ]);
    expect(partial.stderr).toContain('1 of 2 rooms was not deleted');
    expect(await t.roomIds()).not.toContain(keep);
  });

  it('refuses a room with a live session (exit 1) and keeps it', async () => {
    const id = await apiRoom(t, { name: 'Live delete' });
    await t.control('POST', `/rooms/${id}/simulate`, { live: true, users: 1 });
    const r = await out.run(['room', 'delete', id, '--yes'], { env: t.env() });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/session/i);
    expect(await t.roomIds()).toContain(id);
    await t.control('POST', `/rooms/${id}/end`);
  });
});
