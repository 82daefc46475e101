import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../src/emulator/store.js';
import { emptyState, type RoomRecord } from '../../src/emulator/state.js';

function record(id: string): RoomRecord {
  return {
    sessions: 0,
    room: {
      name: id,
      owner_ref: 'o',
      settings: { mode: 'group' },
      created: '2026-01-01T00:00:00Z',
      room_id: id,
    },
  };
}

function seeded(count: number) {
  const state = emptyState();
  for (let i = 0; i < count; i += 1) state.rooms[`r${i}`] = record(`r${i}`);
  return memoryStore(state);
}

describe('memoryStore', () => {
  it('changes in place: a write leaves every other room the very same object (no copy of the state)', async () => {
    const store = seeded(1000);
    const before = await store.read();
    const other = before.rooms['r500'];
    await store.mutate((s) => {
      s.rooms['new'] = record('new');
      s.rooms['r1']!.room.name = 'renamed';
    });
    const after = await store.read();
    expect(after).toBe(before);
    expect(after.rooms['r500']).toBe(other);
    expect(after.rooms['r1']!.room.name).toBe('renamed');
    expect(after.rooms['new']!.room.room_id).toBe('new');
  });

  it('undoes every write of a change that throws, nested ones and array pushes included', async () => {
    const store = seeded(3);
    const snapshot = JSON.stringify(await store.read());
    await expect(
      store.mutate((s) => {
        s.rooms['r0']!.room.settings['mode'] = 'lecture';
        delete s.rooms['r1'];
        s.rooms['r9'] = record('r9');
        s.cdr.push({ a: 1 });
        s.confSeq += 1;
        s.rooms['r2']!.room.settings = { ...s.rooms['r2']!.room.settings, quality: 'HD' };
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(JSON.stringify(await store.read())).toBe(snapshot);
  });

  it('stores plain objects, never proxies: a stored spread of a room can be cloned', async () => {
    const store = seeded(2);
    await store.mutate((s) => {
      s.rooms['copy'] = { ...s.rooms['r0']!, room: { ...s.rooms['r0']!.room, room_id: 'copy' } };
    });
    const state = await store.read();
    expect(() => structuredClone(state)).not.toThrow();
    expect(structuredClone(state).rooms['copy']!.room.settings).toEqual({ mode: 'group' });
  });

  it('keeps a POST cheap as rooms pile up: 200 writes at 5000 rooms cost about what they cost at 10', async () => {
    const time = async (count: number) => {
      const store = seeded(count);
      const start = performance.now();
      for (let i = 0; i < 200; i += 1) await store.mutate((s) => void (s.rooms[`n${i}`] = record(`n${i}`)));
      return performance.now() - start;
    };
    await time(10);
    const small = await time(10);
    const large = await time(5000);
    // A whole-state copy per write makes this ratio several hundred; in place it stays near 1.
    expect(large).toBeLessThan(small * 20 + 50);
  });
});
