import { describe, expect, it } from 'vitest';
import { buildCreateBody, buildUpdateBody, type RoomInput } from '../../../src/commands/room/body.js';

const now = new Date('2026-11-29T12:00:00Z');
const base = { name: 'Standup', ownerRef: 'team-7', now };
const create = (flags: Record<string, unknown>, extra: Partial<RoomInput> = {}) =>
  buildCreateBody({ ...base, flags: new Map(Object.entries(flags)), ...extra });
const update = (flags: Record<string, unknown>, extra: Partial<RoomInput> = {}) =>
  buildUpdateBody({ flags: new Map(Object.entries(flags)), now, ...extra });

describe('flags -> POST /rooms body', () => {
  it.each<[string, Record<string, unknown>, unknown]>([
    ['nothing but name and owner', {}, { name: 'Standup', owner_ref: 'team-7' }],
    [
      'counts are sent as strings',
      { participants: '10', moderators: '2', audiences: '0' },
      { settings: { participants: '10', moderators: '2', audiences: '0' } },
    ],
    [
      'max active talkers is a number',
      { 'max-active-talkers': '6' },
      { settings: { max_active_talkers: 6 } },
    ],
    [
      'enums in any case',
      { mode: 'LECTURE', quality: 'hd', 'media-zone': 'us' },
      { settings: { mode: 'lecture', quality: 'HD', media_zone: 'US' } },
    ],
    ['booleans', { knock: true, 'screen-share': false }, { settings: { knock: true, screen_share: false } }],
    [
      'role based recording',
      { 'record-moderator': 'audio' },
      { settings: { role_based_recording: { moderator: 'audio' } } },
    ],
    [
      'live recording',
      { 'live-recording': true, 'live-recording-url': 'https://view.example/x' },
      { settings: { live_recording: { auto_recording: true, url: 'https://view.example/x' } } },
    ],
    ['sip at the top level', { sip: true }, { sip: { enabled: true } }],
    ['hls DEFAULT', { 'hls-view-url': 'default' }, { settings: { hls_view_url: 'DEFAULT' } }],
    [
      'scheduled, UTC input',
      { scheduled: true, 'scheduled-time': '2026-12-01 15:00:00', duration: '60' },
      { settings: { scheduled: true, scheduled_time: '2026-12-01 15:00:00', duration: '60' } },
    ],
    [
      'scheduled, ISO with an offset is normalised to UTC',
      { scheduled: true, 'scheduled-time': '2026-12-01T20:30:00+05:30', duration: '30' },
      { settings: { scheduled: true, scheduled_time: '2026-12-01 15:00:00', duration: '30' } },
    ],
    [
      'scheduled lecture allows 1000',
      {
        scheduled: true,
        'scheduled-time': '2026-12-01T15:00:00Z',
        duration: '10',
        mode: 'lecture',
        participants: '1000',
      },
      { settings: { participants: '1000' } },
    ],
    ['adhoc with a duration', { adhoc: true, duration: '45' }, { settings: { adhoc: true, duration: '45' } }],
  ])('%s', (_name, flags, expected) => {
    expect(create(flags)).toMatchObject(expected as object);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['duration under 10', { duration: '9' }, /--duration: must be at least 10/],
    ['duration not a number', { duration: '1h' }, /--duration: must be a whole number/],
    ['negative count', { moderators: '-1' }, /--moderators: must be a whole number/],
    ['talkers over 16', { 'max-active-talkers': '17' }, /--max-active-talkers: must be at most 16/],
    ['talkers zero', { 'max-active-talkers': '0' }, /at least 1/],
    ['bad mode', { mode: 'party' }, /--mode: must be one of group, lecture/],
    ['bad zone', { 'media-zone': 'EU' }, /--media-zone: must be one of IN, SG, US, XX/],
    ['scheduled and adhoc', { scheduled: true, adhoc: true }, /cannot be combined/],
    ['scheduled without a time', { scheduled: true, duration: '30' }, /--scheduled-time is required/],
    [
      'scheduled without a duration',
      { scheduled: true, 'scheduled-time': '2026-12-01 15:00:00' },
      /--duration is required/,
    ],
    ['a time without scheduled', { 'scheduled-time': '2026-12-01 15:00:00' }, /needs --scheduled/],
    [
      'a past time',
      { scheduled: true, duration: '30', 'scheduled-time': '2026-11-29 11:59:59' },
      /must be in the future/,
    ],
    [
      'an impossible date',
      { scheduled: true, duration: '30', 'scheduled-time': '2027-02-29 10:00:00' },
      /not a real date/,
    ],
    [
      'ISO without an offset',
      { scheduled: true, duration: '30', 'scheduled-time': '2026-12-01T10:00:00' },
      /needs Z or an offset/,
    ],
    [
      'scheduled group over 300',
      { scheduled: true, duration: '30', 'scheduled-time': '2026-12-01 10:00:00', participants: '301' },
      /between 1 and 300 for a scheduled group room/,
    ],
    ['permanent over 200', { participants: '201' }, /between 1 and 200/],
    [
      'participants x talkers over 1600',
      { participants: '201', 'max-active-talkers': '8' },
      /between 1 and 200 for a room with 8 active talkers/,
    ],
    ['zero participants', { participants: '0' }, /at least 1/],
    ['bad url', { 'live-recording-url': 'not a url' }, /--live-recording-url: must be a full URL/],
  ])('refuses %s', (_name, flags, message) => {
    expect(() => create(flags)).toThrow(message);
  });

  it('requires --name and --owner-ref', () => {
    expect(() => buildCreateBody({ flags: new Map(), now, ownerRef: 'x' })).toThrow(/--name is required/);
    expect(() => buildCreateBody({ flags: new Map(), now, name: 'x' })).toThrow(/--owner-ref is required/);
  });

  it('merges a file under the flags, checking the file by the same rules', () => {
    const file = {
      name: 'From file',
      owner_ref: 'f',
      settings: { mode: 'lecture', participants: 20, quality: 'SD' },
      data: { a: '1' },
    };
    expect(buildCreateBody({ flags: new Map([['quality', 'HD']]), now, file, data: { b: '2' } })).toEqual({
      name: 'From file',
      owner_ref: 'f',
      settings: { mode: 'lecture', participants: '20', quality: 'HD' },
      data: { a: '1', b: '2' },
    });
  });

  it.each<[string, unknown, RegExp]>([
    ['unknown top-level key', { name: 'x', owner_ref: 'y', colour: 'red' }, /unknown key "colour"/],
    [
      'unknown setting',
      { name: 'x', owner_ref: 'y', settings: { colour: 'red' } },
      /unknown key "settings.colour".*10009/,
    ],
    [
      'bad value in the file',
      { name: 'x', owner_ref: 'y', settings: { max_active_talkers: 99 } },
      /--file settings.max_active_talkers: must be at most 16/,
    ],
    ['not an object', [1, 2], /must hold a JSON or YAML object/],
  ])('refuses a file with %s', (_n, file, message) => {
    expect(() => buildCreateBody({ flags: new Map(), now, file })).toThrow(message);
  });
});

describe('flags -> PATCH body', () => {
  it('sends only the given keys', () => {
    expect(update({ participants: '15', 'auto-recording': true }, { name: 'New' })).toEqual({
      name: 'New',
      settings: { participants: '15', auto_recording: true },
    });
  });

  it.each(['mode', 'scheduled', 'adhoc'])('refuses --%s (10106)', (flag) => {
    expect(() => update({ [flag]: flag === 'mode' ? 'group' : true })).toThrow(
      new RegExp(`--${flag} cannot be changed.*10106`),
    );
  });

  it('refuses an immutable key in the file too', () => {
    expect(() => update({}, { file: { settings: { mode: 'lecture' } } })).toThrow(/--mode cannot be changed/);
  });

  it('refuses a participant count no room type allows, even on update', () => {
    expect(() => update({ participants: '5000' })).toThrow(/--participants: must be at most 1000/);
  });

  it('refuses an empty update', () => {
    expect(() => update({})).toThrow(/nothing to update/);
  });
});
