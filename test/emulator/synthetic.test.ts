import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AUTH, at, list, shapeDiff, start, stopAll, tempDir } from './helpers.js';
import { CDR_RESPONSE } from './samples.js';

const dirs: (() => void)[] = [];
afterEach(async () => {
  await stopAll();
  for (const cleanup of dirs.splice(0)) cleanup();
});

// 1000 records over ten days: 100 a day, 4 users per conference, conferences in 12 rooms.
const syntheticCdr = { count: 1000, from: '2026-11-01', to: '2026-11-10' };
const ROOM0 = `e0${'0'.repeat(22)}`;

describe('synthetic CDR', () => {
  it('serves `count` records over the period, in the full CDR shape, with unique cdr_id', async () => {
    const h = await start({ syntheticCdr });
    const res = await h.api('GET', '/cdr/period/2026-11-01/2026-11-10');
    const cdr = list(res.body, 'cdr');
    expect(cdr).toHaveLength(1000);
    expect(shapeDiff(res.body, CDR_RESPONSE)).toEqual([]);
    expect(new Set(cdr.map((r) => at(r, 'cdr_id'))).size).toBe(1000);
    expect(cdr.every((r) => /^[0-9a-f]{24}$/.test(String(at(r, 'cdr_id'))))).toBe(true);
  });

  it('filters by period, room, conference and room+period like stored records', async () => {
    const h = await start({ syntheticCdr });
    const day = list((await h.api('GET', '/cdr/period/2026-11-03/2026-11-03')).body, 'cdr');
    expect(day).toHaveLength(100);
    expect(day.every((r) => String(at(r, 'trans_date')).startsWith('2026-11-03'))).toBe(true);
    const room = list((await h.api('GET', `/cdr/room/${ROOM0}`)).body, 'cdr');
    expect(room).toHaveLength(84); // conferences 0, 12, ... 240: 21 of them, 4 records each
    expect(room.every((r) => at(r, 'room.room_id') === ROOM0)).toBe(true);
    const conf = list((await h.api('GET', '/cdr/conf/90000005')).body, 'cdr');
    expect(conf.map((r) => at(r, 'call_num'))).toEqual([
      '90000005-1',
      '90000005-2',
      '90000005-3',
      '90000005-4',
    ]);
    const roomDay = list((await h.api('GET', `/cdr/room-period/${ROOM0}/2026-11-01/2026-11-01`)).body, 'cdr');
    expect(roomDay.length).toBeGreaterThan(0);
    expect(
      roomDay.every(
        (r) => at(r, 'room.room_id') === ROOM0 && String(at(r, 'trans_date')).startsWith('2026-11-01'),
      ),
    ).toBe(true);
    expect(list((await h.api('GET', '/cdr/period/2026-12-01/2026-12-31')).body, 'cdr')).toHaveLength(0);
    expect(list((await h.api('GET', '/cdr/room/0123456789abcdef01234567')).body, 'cdr')).toHaveLength(0);
  });

  it('adds to the stored records and is never written to the state file', async () => {
    const { dir, cleanup } = tempDir();
    dirs.push(cleanup);
    const statePath = join(dir, 'state.json');
    const h = await start({ syntheticCdr: { count: 1000, from: '2026-11-01', to: '2026-11-30' }, statePath });
    const id = await h.room();
    await h.control('POST', `/rooms/${id}/simulate`, { users: 2 });
    const cdr = list((await h.api('GET', '/cdr/period/2026-11-01/2026-11-30')).body, 'cdr');
    expect(cdr).toHaveLength(1002);
    expect(at(cdr[0], 'room.room_id')).toBe(id);
    expect(readFileSync(statePath, 'utf8').length).toBeLessThan(20_000);
  });

  it('is the same on every request and every server', async () => {
    const a = await start({ syntheticCdr });
    const b = await start({ syntheticCdr });
    const one = (await a.api('GET', '/cdr/period/2026-11-02/2026-11-02')).text;
    expect((await a.api('GET', '/cdr/period/2026-11-02/2026-11-02')).text).toBe(one);
    expect((await b.api('GET', '/cdr/period/2026-11-02/2026-11-02')).text).toBe(one);
  });

  it('streams: chunked, many writes, and stops when the client goes away', async () => {
    const h = await start({ syntheticCdr: { count: 200_000, from: '2026-10-01', to: '2026-10-31' } });
    const res = await fetch(`${h.emu.baseUrl}/cdr/period/2026-10-01/2026-10-31`, {
      headers: { authorization: AUTH },
    });
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    const reader = res.body!.getReader();
    let bytes = 0;
    let chunks = 0;
    while (bytes < 2_000_000) {
      const { value, done } = await reader.read();
      if (done) break;
      bytes += value.length;
      chunks += 1;
    }
    expect(chunks).toBeGreaterThan(3);
    await reader.cancel();
    // The server is still fine and answers the next request.
    const small = await h.api('GET', '/cdr/conf/90000000');
    expect(list(small.body, 'cdr')).toHaveLength(4);
  });
});
