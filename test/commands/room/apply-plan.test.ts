import { describe, expect, it } from 'vitest';
import type { Room } from '../../../src/api/rooms.js';
import { parseRoomsFile } from '../../../src/commands/room/apply-file.js';
import { canonical, computePlan, hasPending, type PlanItem } from '../../../src/commands/room/apply-plan.js';

const now = new Date('2026-11-29T12:00:00Z');

/** A live room as the API echoes it: counts as strings, type keys filled in. */
function live(
  id: string,
  name: string,
  owner: string,
  settings: Record<string, unknown> = {},
  extra: Partial<Room> = {},
): Room {
  return {
    room_id: id,
    name,
    owner_ref: owner,
    settings: { mode: 'group', scheduled: false, adhoc: false, ...settings },
    sip: { enabled: false },
    data: {},
    created: '2026-11-01T00:00:00.000Z',
    ...extra,
  };
}

const plan = (file: unknown[], rooms: Room[], prune = false): PlanItem[] =>
  computePlan(parseRoomsFile({ rooms: file }, 'rooms.yaml'), rooms, { prune, now });

/** The plan in one line per room: `action name [keys]`. */
const brief = (items: PlanItem[]) =>
  items.map(
    (i) => `${i.action} ${i.name}${i.changes.length ? ` [${i.changes.map((c) => c.key).join(',')}]` : ''}`,
  );

describe('the plan: one action per room', () => {
  it.each<[string, unknown[], Room[], boolean, string[]]>([
    ['a room that does not exist is created', [{ name: 'A', owner_ref: 't' }], [], false, ['create A']],
    [
      'create lists every key the file sets',
      [{ name: 'A', owner_ref: 't', settings: { participants: 5, quality: 'hd' } }],
      [],
      false,
      ['create A [settings.participants,settings.quality]'],
    ],
    [
      'a room the same as live is unchanged',
      [{ name: 'A', owner_ref: 't', settings: { participants: 5 } }],
      [live('1', 'A', 't', { participants: '5' })],
      false,
      ['unchanged A'],
    ],
    [
      'only differing keys are updated',
      [{ name: 'A', owner_ref: 't', settings: { participants: 6, quality: 'HD' } }],
      [live('1', 'A', 't', { participants: '5', quality: 'HD' })],
      false,
      ['update A [settings.participants]'],
    ],
    [
      'keys the file does not set never show as a change (server defaults)',
      [{ name: 'A', owner_ref: 't' }],
      [live('1', 'A', 't', { participants: '5', quality: 'SD', max_active_talkers: 16 })],
      false,
      ['unchanged A'],
    ],
    [
      'a type key the API did not echo is compared with its default',
      [{ name: 'A', owner_ref: 't', settings: { mode: 'group', scheduled: false, adhoc: false } }],
      [{ room_id: '1', name: 'A', owner_ref: 't', settings: {} }],
      false,
      ['unchanged A'],
    ],
    [
      'mode differs: replace, with every differing key',
      [{ name: 'A', owner_ref: 't', settings: { mode: 'lecture', participants: 9 } }],
      [live('1', 'A', 't', { participants: '5' })],
      false,
      ['replace A [settings.mode,settings.participants]'],
    ],
    [
      'adhoc differs: replace',
      [{ name: 'A', owner_ref: 't', settings: { adhoc: true } }],
      [live('1', 'A', 't')],
      false,
      ['replace A [settings.adhoc]'],
    ],
    [
      'scheduled differs: replace',
      [
        {
          name: 'A',
          owner_ref: 't',
          settings: { scheduled: true, scheduled_time: '2026-12-01 10:00:00', duration: 30 },
        },
      ],
      [live('1', 'A', 't')],
      false,
      ['replace A [settings.scheduled,settings.scheduled_time,settings.duration]'],
    ],
    [
      'nested settings compare per key',
      [{ name: 'A', owner_ref: 't', settings: { role_based_recording: { moderator: 'audio' } } }],
      [live('1', 'A', 't', { role_based_recording: { moderator: 'audio', participant: 'audiovideo' } })],
      false,
      ['unchanged A'],
    ],
    [
      'data keys compare per key',
      [{ name: 'A', owner_ref: 't', data: { team: 'x' } }],
      [live('1', 'A', 't', {}, { data: { team: 'y', other: 'z' } })],
      false,
      ['update A [data.team]'],
    ],
    [
      'sip compares enabled only (not the server-made pin)',
      [{ name: 'A', owner_ref: 't', sip: { enabled: true } }],
      [live('1', 'A', 't', {}, { sip: { enabled: true, pin: 123456, meeting_id: 987654321 } })],
      false,
      ['unchanged A'],
    ],
    [
      'identity is name and owner_ref: another owner is another room',
      [{ name: 'A', owner_ref: 't' }],
      [live('1', 'A', 'other')],
      false,
      ['create A'],
    ],
    [
      'names match with surrounding spaces trimmed',
      [{ name: 'A', owner_ref: 't' }],
      [live('1', ' A ', 't')],
      false,
      ['unchanged A'],
    ],
  ])('%s', (_what, file, rooms, prune, expected) => {
    expect(brief(plan(file, rooms, prune))).toEqual(expected);
  });
});

describe('keys the server drops from its echo are defaults, not changes', () => {
  /** A live room as the API echoes it without any sip (a disabled one is not kept). */
  const noSip = (settings: Record<string, unknown> = {}) => live('1', 'A', 't', settings, { sip: undefined });

  it.each<[string, Record<string, unknown>, Room, string[]]>([
    ['a disabled sip on a room without sip', { sip: { enabled: false } }, noSip(), ['unchanged A']],
    ['an enabled sip on a room without sip', { sip: { enabled: true } }, noSip(), ['update A [sip.enabled]']],
    [
      "an adhoc room's duration",
      { settings: { adhoc: true, duration: 30 } },
      noSip({ adhoc: true }),
      ['unchanged A'],
    ],
    [
      "an adhoc room's wait_for_moderator",
      { settings: { adhoc: true, wait_for_moderator: true } },
      noSip({ adhoc: true }),
      ['unchanged A'],
    ],
    [
      'the duration of a room that is not adhoc',
      { settings: { duration: 30 } },
      noSip(),
      ['update A [settings.duration]'],
    ],
    [
      "an adhoc room's other settings still count",
      { settings: { adhoc: true, duration: 30, participants: 4 } },
      noSip({ adhoc: true, participants: '3' }),
      ['update A [settings.participants]'],
    ],
    [
      'a duration the live adhoc room does echo is compared',
      { settings: { adhoc: true, duration: 30 } },
      noSip({ adhoc: true, duration: '45' }),
      ['update A [settings.duration]'],
    ],
  ])('%s', (_label, file, room, expected) => {
    expect(brief(plan([{ name: 'A', owner_ref: 't', ...file }], [room]))).toEqual(expected);
  });
});

describe('type coercions: "10" and 10 alike', () => {
  it.each<[unknown, unknown, boolean]>([
    ['10', 10, true],
    [10, '10', true],
    [' 10 ', '10', true],
    ['010', 10, true],
    [true, 'true', true],
    [false, 'false', true],
    ['HD', 'HD', true],
    ['10', 11, false],
    [true, false, false],
    ['x', 'y', false],
    [undefined, null, true],
    [undefined, '0', false],
  ])('%j vs %j -> same: %s', (a, b, same) => {
    expect(canonical(a) === canonical(b)).toBe(same);
  });

  it('a live count as a number or a string is unchanged against the file either way', () => {
    const file = [{ name: 'A', owner_ref: 't', settings: { participants: '10', max_active_talkers: '4' } }];
    expect(brief(plan(file, [live('1', 'A', 't', { participants: 10, max_active_talkers: '4' })]))).toEqual([
      'unchanged A',
    ]);
    expect(brief(plan(file, [live('1', 'A', 't', { participants: '10', max_active_talkers: 4 })]))).toEqual([
      'unchanged A',
    ]);
  });

  it('the old `live_recording: true` form of a live room equals auto_recording true in the file', () => {
    const file = [{ name: 'A', owner_ref: 't', settings: { live_recording: { auto_recording: true } } }];
    expect(brief(plan(file, [live('1', 'A', 't', { live_recording: true })]))).toEqual(['unchanged A']);
  });
});

describe('update bodies: only the differing keys, nested objects merged', () => {
  it('sends a changed top-level setting alone', () => {
    const [item] = plan(
      [{ name: 'A', owner_ref: 't', settings: { participants: 6, quality: 'HD' } }],
      [live('1', 'A', 't', { participants: '5', quality: 'HD' })],
    );
    expect(item?.body).toEqual({ settings: { participants: '6' } });
    expect(item?.changes).toEqual([{ key: 'settings.participants', from: '5', to: '6' }]);
  });

  it('sends a nested object merged over the live one, so no sibling is lost', () => {
    const [item] = plan(
      [{ name: 'A', owner_ref: 't', settings: { role_based_recording: { moderator: 'audio' } } }],
      [live('1', 'A', 't', { role_based_recording: { moderator: 'audiovideo', participant: 'audio' } })],
    );
    expect(item?.action).toBe('update');
    expect(item?.body).toEqual({
      settings: { role_based_recording: { moderator: 'audio', participant: 'audio' } },
    });
  });

  it('sends data merged over the live data', () => {
    const [item] = plan(
      [{ name: 'A', owner_ref: 't', data: { team: 'x' } }],
      [live('1', 'A', 't', {}, { data: { team: 'y', other: 'z' } })],
    );
    expect(item?.body).toEqual({ data: { team: 'x', other: 'z' } });
  });

  it('a create and a replace send the whole file room', () => {
    const file = [{ name: 'A', owner_ref: 't', settings: { mode: 'lecture', participants: 9 } }];
    const body = { name: 'A', owner_ref: 't', settings: { mode: 'lecture', participants: '9' } };
    expect(plan(file, [])[0]?.body).toEqual(body);
    const [replace] = plan(file, [live('1', 'A', 't')]);
    expect(replace).toMatchObject({ action: 'replace', room_id: '1', body });
  });
});

describe('duplicates among live rooms are reported, never guessed', () => {
  it('two live rooms of one identity: duplicate, with both ids, and nothing to send', () => {
    const [item] = plan(
      [{ name: 'A', owner_ref: 't', settings: { participants: 3 } }],
      [live('1', 'A', 't'), live('2', 'A', 't')],
    );
    expect(item).toMatchObject({ action: 'duplicate', room_ids: ['1', '2'] });
    expect(item?.body).toBeUndefined();
    expect(item?.reason).toContain('will not guess');
    expect(hasPending([item as PlanItem])).toBe(true);
  });
});

describe('prune: only rooms of the owner_refs the file names', () => {
  const rooms = [
    live('1', 'Kept', 'team'),
    live('2', 'Gone', 'team'),
    live('3', 'Other team room', 'other'),
    live('4', 'No owner', '', {}, { owner_ref: undefined }),
  ];
  const file = [{ name: 'Kept', owner_ref: 'team' }];

  it('without --prune nothing is deleted', () => {
    expect(brief(plan(file, rooms))).toEqual(['unchanged Kept']);
  });

  it('with --prune the unlisted room of that owner_ref is deleted, no other', () => {
    const items = plan(file, rooms, true);
    expect(brief(items)).toEqual(['unchanged Kept', 'delete Gone']);
    expect(items[1]?.room_id).toBe('2');
  });

  it('an empty file prunes nothing (it names no owner_ref)', () => {
    expect(plan([], rooms, true)).toEqual([]);
  });

  it('both rooms of a duplicate pair the file no longer lists are deleted', () => {
    const items = plan(file, [...rooms, live('5', 'Gone', 'team')], true);
    expect(brief(items)).toEqual(['unchanged Kept', 'delete Gone', 'delete Gone']);
  });
});

describe('scheduled rooms whose time has passed', () => {
  const past = { scheduled: true, scheduled_time: '2026-11-01 10:00:00', duration: 30 };

  it('the live room with the same past time is unchanged (not refused)', () => {
    const file = [{ name: 'Old', owner_ref: 't', settings: past }];
    const rooms = [live('1', 'Old', 't', { ...past, duration: '30' })];
    expect(brief(plan(file, rooms))).toEqual(['unchanged Old']);
  });

  it('other keys of such a room still update', () => {
    const file = [{ name: 'Old', owner_ref: 't', settings: { ...past, participants: 8 } }];
    const rooms = [live('1', 'Old', 't', { ...past, participants: '5' })];
    expect(brief(plan(file, rooms))).toEqual(['update Old [settings.participants]']);
  });

  it('no live room: skipped with the reason, not pending', () => {
    const items = plan([{ name: 'Old', owner_ref: 't', settings: past }], []);
    expect(items[0]).toMatchObject({ action: 'skip' });
    expect(items[0]?.reason).toContain('2026-11-01 10:00:00 UTC has passed');
    expect(hasPending(items)).toBe(false);
  });

  it('moving a live room to a past time is skipped', () => {
    const rooms = [live('1', 'Old', 't', { ...past, scheduled_time: '2026-12-24 10:00:00' })];
    const items = plan([{ name: 'Old', owner_ref: 't', settings: past }], rooms);
    expect(items[0]?.action).toBe('skip');
    expect(items[0]?.reason).toContain('would move');
  });

  it('a future time is created as usual', () => {
    const file = [
      { name: 'New', owner_ref: 't', settings: { ...past, scheduled_time: '2026-12-24 10:00:00' } },
    ];
    expect(plan(file, [])[0]?.action).toBe('create');
  });
});

describe('pending changes (--exit-code)', () => {
  it.each<[string, PlanItem['action'][], boolean]>([
    ['nothing', [], false],
    ['only unchanged', ['unchanged', 'unchanged'], false],
    ['unchanged and skipped', ['unchanged', 'skip'], false],
    ['a create', ['unchanged', 'create'], true],
    ['an update', ['update'], true],
    ['a replace', ['replace'], true],
    ['a delete', ['delete'], true],
  ])('%s -> %s', (_w, actions, pending) => {
    const items = actions.map((action) => ({ action, name: 'x', owner_ref: 'y', changes: [] }));
    expect(hasPending(items)).toBe(pending);
  });
});
