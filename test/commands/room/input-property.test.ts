import fc from 'fast-check';
import nock from 'nock';
import { stringify as toYaml } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildRoom, patchRoom } from '../../../src/emulator/room-rules.js';
import { ROLES } from '../../../src/emulator/tokens.js';
import type { Json } from '../../../src/emulator/json.js';
import { API_ORIGIN, runCli, TEST_NOW, tempConfigDir } from '../../helpers/cli.js';
import { useNock } from '../../helpers/nock.js';

useNock();

let cfg: ReturnType<typeof tempConfigDir>;
beforeEach(() => {
  cfg = tempConfigDir();
});
afterEach(() => cfg.cleanup());

/** Mostly good values, sometimes a near miss or hostile text: both sides of every rule get exercised. */
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
  fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: bad, weight: 1 });
const badCount = fc.oneof(
  fc.constantFrom('0x10', '1e2', '-1', '', ' 5', '10.0', '+3', 'Infinity', 'NaN', '٣'),
  fc.string({ maxLength: 4 }),
);
const countText = (min: number, max: number) => mostly(fc.integer({ min, max }).map(String), badCount);
const fileCount = (min: number, max: number) =>
  mostly(
    fc.oneof(fc.integer({ min, max }), fc.integer({ min, max }).map(String)),
    fc.oneof(badCount, fc.double({ noNaN: true }), fc.constant(true), fc.integer({ min: -5, max: 5000 })),
  );
const text = mostly(
  fc.constantFrom('Standup', 'team-7', 'Zoë 👩‍👩‍👧'),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const future = '2026-12-01 10:00:00';
const dataKey = mostly(
  fc.constantFrom('team', 'a_b-1', 'x'),
  fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'bad key', 'k'.repeat(65), ''),
    fc.string({ maxLength: 6 }),
  ),
);
const dataValue = mostly(text, fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constant(['x'])));
const rare = <T>(value: T) =>
  fc.constantFrom<T | undefined>(undefined, undefined, undefined, undefined, undefined, value);

const flagArb = fc
  .record(
    {
      name: text,
      'owner-ref': text,
      participants: countText(1, 200),
      moderators: countText(0, 10),
      duration: countText(10, 120),
      'max-active-talkers': countText(1, 16),
      quality: mostly(fc.constantFrom('HD', 'sd', 'LD'), fc.constantFrom('XL', '')),
      mode: mostly(fc.constantFrom('group', 'lecture'), fc.constant('party')),
      data: fc.array(fc.tuple(dataKey, fc.string({ maxLength: 5 })), { maxLength: 3 }),
    },
    { requiredKeys: [] },
  )
  .chain((flags) =>
    fc
      .record({
        type: fc.constantFrom('permanent', 'permanent', 'permanent', 'scheduled', 'adhoc', 'both'),
        time: mostly(
          fc.constant(future),
          fc.constantFrom('2020-01-01 00:00:00', '2026-02-30 10:00:00', 'soon'),
        ),
        stray: rare(future),
      })
      .map(({ type, time, stray }) => ({
        ...flags,
        ...(type === 'scheduled' || type === 'both' ? { scheduled: true, 'scheduled-time': time } : {}),
        ...(type === 'adhoc' || type === 'both' ? { adhoc: true } : {}),
        // Now and then a start time without --scheduled, which is refused.
        ...(stray && type === 'permanent' ? { 'scheduled-time': stray } : {}),
      })),
  );

const fileArb = fc.record(
  {
    name: mostly(text, fc.integer()),
    owner_ref: text,
    settings: fc.record(
      {
        participants: fileCount(1, 200),
        duration: fileCount(10, 120),
        quality: mostly(fc.constantFrom('HD', 'LD'), fc.constant('ZZ')),
        scheduled: rare(true),
        scheduled_time: mostly(fc.constant(future), fc.constant('never')),
        max_active_talkers: fileCount(1, 16),
        unknown_setting: rare(1),
      },
      { requiredKeys: [] },
    ),
    data: mostly(fc.dictionary(dataKey, dataValue, { maxKeys: 3 }), fc.constant('x')),
    extra: rare('x'),
  },
  { requiredKeys: [] },
);

/** The file as text: JSON, YAML, or YAML with hand-written traps the serialisers never produce. */
const fileText = fc.oneof(
  { arbitrary: fileArb.map((f) => JSON.stringify(f)), weight: 4 },
  { arbitrary: fileArb.map((f) => toYaml(f)), weight: 4 },
  fc
    .tuple(
      fc.constantFrom('0x10', '1e2', '12', '!!js/function "x"', '!!str 12', '!custom 1', '.inf', '0o17'),
      fc.boolean(),
    )
    .map(
      ([v, dup]) => `name: n\nowner_ref: o\nsettings:\n  participants: ${v}\n${dup ? 'name: again\n' : ''}`,
    ),
  fc.constantFrom(
    '{"name":"n","owner_ref":"o","name":"m"}',
    '{"name":"n","owner_ref":"o","settings":{"participants":1e2}}',
    '{"name":"n","owner_ref":"o","settings":{"participants":12}}',
  ),
);

function argvOf(flags: Record<string, unknown>): string[] {
  const argv: string[] = [];
  for (const [flag, value] of Object.entries(flags)) {
    if (value === undefined) continue;
    if (flag === 'data') for (const [k, v] of value as [string, string][]) argv.push('--data', `${k}=${v}`);
    else if (value === true) argv.push(`--${flag}`);
    else argv.push(`--${flag}=${String(value)}`);
  }
  return argv;
}

describe('room create: any flags and --file either send a body the API allows or exit 2, sending nothing', () => {
  it('property', async () => {
    const outcomes = { sent: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(flagArb, fc.option(fileText, { nil: undefined }), async (flags, file) => {
        const sent: unknown[] = [];
        nock(API_ORIGIN)
          .post('/video/v2/rooms')
          .optionally()
          .reply(200, (_uri, body) => {
            sent.push(body);
            return { result: 0, room: { room_id: '5f3b2c1a9d8e7f6a5b4c3d2e', name: 'x' } };
          });
        const argv = ['room', 'create', ...argvOf(flags), ...(file === undefined ? [] : ['-f', '-']), '-q'];
        const r = await runCli(argv, { stdin: file, env: { ENABLEX_CONFIG_DIR: cfg.dir } });
        nock.cleanAll();
        if (r.code === 2) {
          expect(sent).toEqual([]);
          outcomes.refused += 1;
          // The message names the flag or the --file key at fault.
          expect(r.stderr).toMatch(/^Error: .*(--[a-z]|-f\b)/);
          return;
        }
        expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
        expect(sent).toHaveLength(1);
        outcomes.sent += 1;
        const body = sent[0] as Record<string, unknown>;
        // The emulator's validation is the route page's rules: it must accept the body.
        expect(() => buildRoom(body as Json, TEST_NOW, '5f3b2c1a9d8e7f6a5b4c3d2e')).not.toThrow();
        // And the CLI's own stricter promises: counts are digit strings, data is text under plain keys.
        const settings = (body['settings'] ?? {}) as Record<string, unknown>;
        for (const key of ['participants', 'moderators', 'duration', 'max_active_talkers', 'audiences']) {
          if (settings[key] !== undefined) expect(String(settings[key])).toMatch(/^\d+$/);
        }
        for (const [k, v] of Object.entries((body['data'] ?? {}) as Record<string, unknown>)) {
          expect(k).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
          expect(['__proto__', 'constructor', 'prototype']).not.toContain(k);
          expect(typeof v).toBe('string');
        }
      }),
      { numRuns: 300 },
    );
    // Both sides of the property are exercised, not only refusals.
    expect(outcomes.sent).toBeGreaterThan(10);
    expect(outcomes.refused).toBeGreaterThan(10);
  });
});

const ROOM_ID = '5f3b2c1a9d8e7f6a5b4c3d2e';
/** The rooms an update starts from, as the emulator builds them (so GET answers a real shape). */
const currentRooms = [
  buildRoom(
    { name: 'Daily', owner_ref: 'team-7', settings: { participants: '10', mode: 'group', quality: 'SD' } },
    TEST_NOW,
    ROOM_ID,
  ),
  buildRoom(
    {
      name: 'Review',
      owner_ref: 'team-7',
      settings: {
        scheduled: true,
        scheduled_time: future,
        duration: '30',
        participants: '20',
        moderators: '2',
      },
      data: { team: 'a' },
    },
    TEST_NOW,
    ROOM_ID,
  ),
];

const updateFlagArb = fc
  .record(
    {
      name: text,
      'owner-ref': text,
      description: text,
      // Up to 200: the emulator caps every unscheduled room at 200, below the route page's 1600 / talkers.
      participants: countText(1, 200),
      moderators: countText(0, 10),
      duration: countText(10, 120),
      audiences: countText(0, 100),
      'max-active-talkers': countText(1, 16),
      quality: mostly(fc.constantFrom('HD', 'SD', 'LD'), fc.constantFrom('XL', '', 'hd ')),
      'media-zone': mostly(fc.constantFrom('IN', 'SG', 'US', 'XX'), fc.constantFrom('EU', '')),
      'record-moderator': mostly(fc.constantFrom('audiovideo', 'audio'), fc.constant('video')),
      'scheduled-time': rare(future),
      knock: fc.constantFrom<boolean | undefined>(undefined, true, false),
      'auto-recording': fc.constantFrom<boolean | undefined>(undefined, true, false),
      data: fc.array(fc.tuple(dataKey, fc.string({ maxLength: 5 })), { maxLength: 3 }),
    },
    { requiredKeys: [] },
  )
  .filter((flags) =>
    Object.values(flags).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  );

/** Booleans as `--flag` / `--no-flag`; the rest as for room create. */
function updateArgv(flags: Record<string, unknown>): string[] {
  const argv: string[] = [];
  for (const [flag, value] of Object.entries(flags)) {
    if (value === false) argv.push(`--no-${flag}`);
    else argv.push(...argvOf({ [flag]: value }));
  }
  return argv;
}

describe('room update: any flags either send a change the API allows or exit 2, sending nothing', () => {
  it('property', async () => {
    const outcomes = { sent: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(updateFlagArb, fc.constantFrom(0, 1), async (flags, which) => {
        const current = currentRooms[which]!;
        const sent: unknown[] = [];
        nock(API_ORIGIN)
          .get(`/video/v2/rooms/${ROOM_ID}`)
          .optionally()
          .reply(200, { result: 0, room: current });
        nock(API_ORIGIN)
          .patch(`/video/v2/rooms/${ROOM_ID}`)
          .optionally()
          .reply(200, (_uri, body) => {
            sent.push(body);
            return { result: 0, room: current };
          });
        const argv = ['room', 'update', ROOM_ID, ...updateArgv(flags), '-q'];
        const r = await runCli(argv, { env: { ENABLEX_CONFIG_DIR: cfg.dir } });
        nock.cleanAll();
        if (r.code === 2) {
          expect(sent).toEqual([]);
          outcomes.refused += 1;
          expect(r.stderr).toMatch(/^Error: .*--[a-z]/);
          return;
        }
        expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
        expect(sent).toHaveLength(1);
        outcomes.sent += 1;
        const body = sent[0] as Record<string, unknown>;
        // The emulator applies the route page's rules to the room as the update leaves it.
        expect(() => patchRoom(current, body as Json, TEST_NOW)).not.toThrow();
        const settings = (body['settings'] ?? {}) as Record<string, unknown>;
        for (const key of ['mode', 'scheduled', 'adhoc']) expect(settings).not.toHaveProperty(key);
        for (const key of ['participants', 'moderators', 'duration', 'max_active_talkers', 'audiences']) {
          if (settings[key] !== undefined) expect(String(settings[key])).toMatch(/^\d+$/);
        }
        for (const k of Object.keys((body['data'] ?? {}) as Record<string, unknown>)) {
          expect(['__proto__', 'constructor', 'prototype']).not.toContain(k);
        }
      }),
      { numRuns: 200 },
    );
    expect(outcomes.sent).toBeGreaterThan(10);
    expect(outcomes.refused).toBeGreaterThan(10);
  });
});

const tokenFlagArb = fc.record(
  {
    name: text,
    'user-ref': text,
    role: mostly(
      fc.constantFrom(...ROLES.filter((r) => r !== 'audience')),
      fc.constantFrom('admin', '', 'Moderator'),
    ),
    data: fc.array(fc.tuple(dataKey, fc.string({ maxLength: 5 })), { maxLength: 6 }),
  },
  { requiredKeys: [] },
);

describe('token: any flags either send a body the route page allows or exit 2, sending nothing', () => {
  it('property', async () => {
    const outcomes = { sent: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(tokenFlagArb, async (flags) => {
        const sent: unknown[] = [];
        nock(API_ORIGIN)
          .get(`/video/v2/rooms/${ROOM_ID}`)
          .optionally()
          .reply(200, { result: 0, room: currentRooms[0] });
        nock(API_ORIGIN)
          .post(`/video/v2/rooms/${ROOM_ID}/tokens`)
          .optionally()
          .reply(200, (_uri, body) => {
            sent.push(body);
            return { result: 0, token: Buffer.from('{"tokenId":"t"}').toString('base64') };
          });
        const r = await runCli(['token', ROOM_ID, ...argvOf(flags), '-q'], {
          env: { ENABLEX_CONFIG_DIR: cfg.dir },
        });
        nock.cleanAll();
        if (r.code === 2) {
          expect(sent).toEqual([]);
          outcomes.refused += 1;
          expect(r.stderr).toMatch(/^Error: .*--[a-z]/);
          return;
        }
        expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
        expect(sent).toHaveLength(1);
        outcomes.sent += 1;
        // The route page: name, user_ref and role required (role one of four), data an optional object.
        const body = sent[0] as Record<string, unknown>;
        expect(Object.keys(body).every((k) => ['name', 'user_ref', 'role', 'data'].includes(k))).toBe(true);
        expect(typeof body['name'] === 'string' && body['name'].trim() !== '').toBe(true);
        expect(typeof body['user_ref'] === 'string' && body['user_ref'].trim() !== '').toBe(true);
        expect(ROLES).toContain(body['role']);
        if (body['data'] !== undefined) {
          const data = body['data'] as Record<string, unknown>;
          expect(Object.keys(data).length).toBeLessThanOrEqual(5);
          for (const [k, v] of Object.entries(data)) {
            expect(['__proto__', 'constructor', 'prototype']).not.toContain(k);
            expect(typeof v).toBe('string');
          }
        }
      }),
      { numRuns: 200 },
    );
    expect(outcomes.sent).toBeGreaterThan(10);
    expect(outcomes.refused).toBeGreaterThan(10);
  });
});
