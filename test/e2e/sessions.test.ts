import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoom, startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import { Outputs, tempDir } from './helpers/run.js';
import { apiTime, daysAhead } from './helpers/time.js';

/** Tokens, users, archives and archive downloads, as the built binary, around simulated sessions. */
const out = new Outputs();
out.scan();
let t: TestEmulator;

beforeAll(async () => {
  t = await startTestEmulator({ outputs: out });
});

describe('token', () => {
  it('-q prints the bare token, and the token joins the room', async () => {
    const room = await apiRoom(t, { name: 'Token room' });
    const r = await out.run(['token', room, '--name', 'Ann', '--user-ref', 'ann-1', '-q'], { env: t.env() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^[A-Za-z0-9+/=]+\n$/);
    const joined = await t.control('POST', '/join', { token: r.stdout.trim() });
    expect(joined).toMatchObject({
      room_id: room,
      user: { name: 'Ann', user_ref: 'ann-1', role: 'participant' },
    });
    await t.control('POST', `/rooms/${room}/end`);
  });

  it('-o json gives the token object with expires_at; --decode adds a view marked unverified', async () => {
    const room = await apiRoom(t, { name: 'Token json' });
    const before = Date.now();
    const [json, decoded] = await Promise.all([
      out.run(['token', room, '--name', 'Bo', '--user-ref', 'bo-2', '--role', 'moderator', '-o', 'json'], {
        env: t.env(),
      }),
      out.run(['token', room, '--name', 'Cy', '--user-ref', 'cy-3', '--decode', '--json'], { env: t.env() }),
    ]);
    expect(json.code, json.stderr).toBe(0);
    const tok = JSON.parse(json.stdout) as Record<string, string>;
    expect(tok).toMatchObject({ room_id: room, role: 'moderator', name: 'Bo', user_ref: 'bo-2' });
    expect(tok['token']).toMatch(/^[A-Za-z0-9+/=]{40,}$/);
    const expires = Date.parse(tok['expires_at'] ?? '');
    expect(expires - before).toBeGreaterThan(14 * 60_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    expect(json.stderr).toContain('Created a moderator token for Bo');

    expect(decoded.code, decoded.stderr).toBe(0);
    const view = JSON.parse(decoded.stdout) as {
      decoded: { tokenId?: string; roomMeta?: { _id?: string } };
    };
    // Real tokens carry the room id as roomMeta._id (recorded 2018).
    expect(view.decoded.roomMeta?._id).toBe(room);
    expect(decoded.stderr).toMatch(/not verified/);
  });

  it('a scheduled room outside its window: exit 1 with the hint; an unknown room: exit 4', async () => {
    const start = daysAhead(2);
    const room = await apiRoom(t, {
      name: 'Later',
      settings: { scheduled: true, scheduled_time: apiTime(start), duration: '30' },
    });
    const [early, unknown] = await Promise.all([
      out.run(['token', room, '--name', 'Ann', '--user-ref', 'ann-1'], { env: t.env() }),
      out.run(['token', 'eeeeeeeeeeeeeeeeeeeeeeee', '--name', 'Ann', '--user-ref', 'ann-1'], {
        env: t.env(),
      }),
    ]);
    expect(early.code, early.stderr).toBe(1);
    expect(early.stdout).toBe('');
    expect(early.stderr).toContain('result 10112');
    expect(early.stderr).toMatch(/Hint: .*15 minutes before its start/);
    expect(unknown.code, unknown.stderr).toBe(4);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/^Error: POST \/rooms\/eeeeeeeeeeeeeeeeeeeeeeee\/tokens: Room not found/);
  });
});

describe('users', () => {
  it('lists the people of a live session, and nobody (with a note) once it ends', async () => {
    const room = await apiRoom(t, { name: 'Users room' });
    const sim = await out.run(['emulator', 'simulate', room, '--live', '--users', '4', '-o', 'json'], {
      env: t.env(),
    });
    expect(sim.code, sim.stderr).toBe(0);
    const session = JSON.parse(sim.stdout) as { live: boolean; users: { name: string; user_ref: string }[] };
    expect(session.live).toBe(true);
    expect(session.users).toHaveLength(4);

    const [json, table] = await Promise.all([
      out.run(['users', room, '-o', 'json'], { env: t.env() }),
      out.run(['users', room], { env: t.env() }),
    ]);
    expect(json.code, json.stderr).toBe(0);
    const users = JSON.parse(json.stdout) as { name: string; user_ref: string; role: string }[];
    expect(users.map((u) => u.user_ref).sort()).toEqual(session.users.map((u) => u.user_ref).sort());
    expect(users.filter((u) => u.role === 'moderator')).toHaveLength(1);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^name\s+user_ref\s+role/);
    for (const u of session.users) expect(table.stdout).toContain(u.name);

    const end = await out.run(['emulator', 'end', room], { env: t.env() });
    expect(end.code, end.stderr).toBe(0);
    const after = await out.run(['users', room, '-o', 'json'], { env: t.env() });
    expect(after.code, after.stderr).toBe(0);
    expect(JSON.parse(after.stdout)).toEqual([]);
    expect(after.stderr).toContain(`No session in progress in room ${room}`);
  });
});

describe('archive and archive download', () => {
  let room: string;
  let conf: string;
  const dir = tempDir('archive');

  beforeAll(async () => {
    room = await apiRoom(t, { name: 'Recorded room' });
    const s = await t.control('POST', `/rooms/${room}/simulate`, { users: 2, minutes: 15 });
    conf = String(s['conf_num']);
  });

  it('lists the archive of a finished session', async () => {
    const r = await out.run(['archive', '--room', room, '-o', 'json'], { env: t.env() });
    expect(r.code, r.stderr).toBe(0);
    const entries = JSON.parse(r.stdout) as {
      conf_num: string;
      room_id: string;
      recording: { url: string }[];
    }[];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ conf_num: conf, room_id: room });
    expect(entries[0]?.recording).toHaveLength(2);
  });

  it('downloads once; a second run skips everything', async () => {
    const mark = t.requests.length;
    const first = await out.run(['archive', 'download', '--room', room, '--dir', 'out/'], {
      env: t.envWithRecording(),
      cwd: dir,
    });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toMatch(/Downloaded 5, skipped 0, failed 0/);
    const sessionDir = readdirSync(join(dir, 'out')).find((d) => d.endsWith(`_${room}_${conf}`));
    expect(sessionDir).toBeDefined();
    const files = readdirSync(join(dir, 'out', sessionDir as string)).sort();
    expect(files).toHaveLength(5);
    for (const f of files)
      expect(statSync(join(dir, 'out', sessionDir as string, f)).size).toBeGreaterThan(0);
    const chat = files.find((f) => f.startsWith('chatdata'));
    expect(() =>
      JSON.parse(readFileSync(join(dir, 'out', sessionDir as string, chat as string), 'utf8')),
    ).not.toThrow();
    const fetchedFirst = t.since(mark).filter((l) => l.startsWith('GET /_files/'));
    expect(fetchedFirst).toHaveLength(5);

    const mark2 = t.requests.length;
    const second = await out.run(['archive', 'download', '--room', room, '--dir', 'out/'], {
      env: t.envWithRecording(),
      cwd: dir,
    });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/Downloaded 0, skipped 5, failed 0/);
    expect(t.since(mark2).filter((l) => l.includes('/_files/'))).toEqual([]);
    expect(readdirSync(join(dir, 'out', sessionDir as string)).sort()).toEqual(files);
  });

  it('a cut-off file fails the run (exit 6), and the next run resumes it with a Range request', async () => {
    const other = await apiRoom(t, { name: 'Resumed room' });
    const sim = await t.control('POST', `/rooms/${other}/simulate`, { users: 1, minutes: 20 });
    const otherConf = String(sim['conf_num']);
    const video = `/_files/${otherConf}/${otherConf}.mp4`;
    const target = join(dir, 'resume');
    await t.faults({ truncateRate: 1, match: `GET ${video}` });
    let first;
    try {
      first = await out.run(['archive', 'download', '--conf', otherConf, '--dir', target, '--retries', '0'], {
        env: t.envWithRecording(),
      });
    } finally {
      await t.faults({});
    }
    expect(first.code, first.stderr).toBe(6);
    expect(first.stderr).toMatch(/failed 1/);
    expect(first.stderr).toMatch(/Hint: Run the same command again/);
    const sessionDir = join(target, readdirSync(target).find((d) => d.endsWith(`_${otherConf}`)) as string);
    expect(readdirSync(sessionDir).filter((f) => f.endsWith('.mp4'))).toEqual([]);

    const mark = t.requests.length;
    const second = await out.run(['archive', 'download', '--conf', otherConf, '--dir', target], {
      env: t.envWithRecording(),
    });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/Downloaded 1, skipped 3, failed 0/);
    expect(t.since(mark).filter((l) => l.includes('/_files/'))).toEqual([
      expect.stringMatching(`^GET ${video} 206 `),
    ]);
    const saved = readdirSync(sessionDir);
    expect(saved.filter((f) => f.includes('.partial'))).toEqual([]);
    const mp4 = saved.find((f) => f.endsWith('.mp4')) as string;
    const whole = await fetch(t.emu.origin + video, {
      headers: {
        authorization:
          'Basic ' + Buffer.from(`${t.creds.recordingUser}:${t.creds.recordingPassword}`).toString('base64'),
      },
    });
    expect(Buffer.compare(readFileSync(join(sessionDir, mp4)), Buffer.from(await whole.arrayBuffer()))).toBe(
      0,
    );
  });

  it('exits 3 with wrong or missing recording credentials, and saves nothing', async () => {
    const [wrong, missing] = await Promise.all([
      out.run(['archive', 'download', '--room', room, '--dir', join(dir, 'wrong')], {
        env: t.env({
          ENABLEX_RECORDING_USER: t.creds.recordingUser,
          ENABLEX_RECORDING_PASSWORD: 'notThePassword1',
        }),
      }),
      out.run(['archive', 'download', '--room', room, '--dir', join(dir, 'missing')], { env: t.env() }),
    ]);
    expect(wrong.code, wrong.stderr).toBe(3);
    expect(wrong.stderr).toMatch(/recording credentials were refused/);
    expect(wrong.stderr).not.toContain('notThePassword1');
    expect(missing.code, missing.stderr).toBe(3);
    expect(missing.stderr).toMatch(/no recording credentials/);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
    const saved = existsSync(join(dir, 'wrong')) ? readdirSync(join(dir, 'wrong'), { recursive: true }) : [];
    expect(saved.filter((f) => /\.(mkv|mp4|json)$/.test(String(f)) && !String(f).startsWith('.'))).toEqual(
      [],
    );
  });
});
