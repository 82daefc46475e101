import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoom, startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import { Outputs } from './helpers/run.js';

/** Rooms by name, as the built binary against the emulator: resolved once, then used by id. */
const out = new Outputs();
out.scan();
let t: TestEmulator;

beforeAll(async () => {
  t = await startTestEmulator({ outputs: out });
});

describe('rooms by name', () => {
  it('get, token, update and delete take a unique name; a shared one exits 2, a missing one 4', async () => {
    const id = await apiRoom(t, { name: 'Named e2e', owner_ref: 'names' });
    const twinA = await apiRoom(t, { name: 'Twin e2e', owner_ref: 'names' });
    const twinB = await apiRoom(t, { name: 'Twin e2e', owner_ref: 'other' });

    const got = await out.run(['room', 'get', 'Named e2e', '-o', 'json'], { env: t.env() });
    expect(got.code, got.stderr).toBe(0);
    expect(JSON.parse(got.stdout).room_id).toBe(id);
    expect(got.stderr).toContain(`Room "Named e2e" is ${id}.`);

    const token = await out.run(['token', 'Named e2e', '--name', 'Ada', '--user-ref', 'u', '-o', 'json'], {
      env: t.env(),
    });
    expect(token.code, token.stderr).toBe(0);
    expect(JSON.parse(token.stdout).room_id).toBe(id);

    const mark = t.requests.length;
    const update = await out.run(['room', 'update', 'Named e2e', '--participants', '7'], { env: t.env() });
    expect(update.code, update.stderr).toBe(0);
    expect(t.since(mark).some((l) => l.startsWith(`PATCH /video/v2/rooms/${id}`))).toBe(true);

    const twin = await out.run(['room', 'delete', 'Twin e2e', '--yes'], { env: t.env() });
    expect(twin.code).toBe(2);
    expect(twin.stderr).toContain(twinA);
    expect(twin.stderr).toContain(twinB);

    const missing = await out.run(['users', 'No such room e2e'], { env: t.env() });
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('"No such room e2e": no room has this name');

    const del = await out.run(['room', 'delete', 'Named e2e', '--yes'], { env: t.env() });
    expect(del.code, del.stderr).toBe(0);
    expect((await t.api('GET', `/rooms/${id}`)).status).not.toBe(200);
  });
});
