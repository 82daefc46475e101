import { describe, expect, it } from 'vitest';
import type { Room } from '../../../src/api/rooms.js';
import { applyUpdate, describeMerge, mergeUpdate } from '../../../src/commands/room/merge.js';

const ROOM: Room = {
  room_id: 'r1',
  name: 'Before',
  settings: {
    mode: 'group',
    participants: '10',
    role_based_recording: { moderator: 'audiovideo', participant: 'audio' },
    live_recording: { auto_recording: true, url: 'https://a.example/v' },
  },
  sip: { enabled: true, pin: 123456, meeting_id: 987654321 },
  data: { a: '1', b: 2 },
};

describe('mergeUpdate: nested objects are sent whole, with the keys the room already has', () => {
  it('merges data and nested settings, leaves flat settings and sip as given, and says what it kept', () => {
    const { body, merged } = mergeUpdate(ROOM, {
      settings: { participants: '15', role_based_recording: { moderator: 'audio' } },
      sip: { enabled: false },
      data: { c: '3' },
    });
    expect(body).toEqual({
      settings: { participants: '15', role_based_recording: { moderator: 'audio', participant: 'audio' } },
      sip: { enabled: false },
      data: { a: '1', b: 2, c: '3' },
    });
    expect(describeMerge(merged)).toEqual([
      'settings.role_based_recording (keeps participant from the room)',
      'data (keeps a, b from the room)',
    ]);
  });

  it('merges nothing when the user gives every key of the object, or the room has none', () => {
    const full = mergeUpdate(ROOM, {
      settings: { live_recording: { auto_recording: false, url: 'https://b/x' } },
    });
    expect(full.merged).toEqual([]);
    const fresh = mergeUpdate(
      { room_id: 'r2' },
      { data: { c: '3' }, settings: { live_recording: { url: 'https://b/x' } } },
    );
    expect(fresh.body).toEqual({ data: { c: '3' }, settings: { live_recording: { url: 'https://b/x' } } });
  });

  it('never changes the room or the body it is given', () => {
    const body = { data: { c: '3' } };
    const before = JSON.stringify([ROOM, body]);
    mergeUpdate(ROOM, body);
    applyUpdate(ROOM, body);
    expect(JSON.stringify([ROOM, body])).toBe(before);
  });
});

describe('applyUpdate: the room as the merged PATCH leaves it', () => {
  it('changes the given keys and keeps every other one', () => {
    const { body } = mergeUpdate(ROOM, { name: 'After', settings: { participants: '15' }, data: { c: '3' } });
    expect(applyUpdate(ROOM, body)).toEqual({
      ...ROOM,
      name: 'After',
      settings: { ...ROOM.settings, participants: '15' },
      data: { a: '1', b: 2, c: '3' },
    });
  });
});
