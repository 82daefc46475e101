import { afterEach, describe, expect, it } from 'vitest';
import { at, list, start, stopAll } from './helpers.js';

afterEach(stopAll);

describe('--seed demo', () => {
  it('gives four rooms: two permanent, a scheduled one in the future, an adhoc one with a duration', async () => {
    const h = await start({ seed: 'demo' });
    const rooms = list((await h.api('GET', '/rooms')).body, 'rooms');
    expect(rooms.map((r) => at(r, 'name'))).toEqual([
      'Team stand-up',
      'Customer support desk',
      'Quarterly all-hands webinar',
      'Incident bridge',
    ]);
    const scheduled = rooms.find((r) => at(r, 'settings.scheduled') === true);
    expect(String(at(scheduled, 'settings.scheduled_time')) > '2026-11-29 12:00:00').toBe(true);
    const adhoc = rooms.find((r) => at(r, 'settings.adhoc') === true);
    expect(at(adhoc, 'settings.duration')).toBe('120');
    // Every seeded room takes tokens (the scheduled one only in its window).
    const bridge = String(at(adhoc, 'room_id'));
    expect(
      (await h.api('POST', `/rooms/${bridge}/tokens`, { name: 'a', role: 'moderator', user_ref: 'a' }))
        .status,
    ).toBe(200);
  });

  it('gives a month of past sessions with CDR and archive', async () => {
    const h = await start({ seed: 'demo' });
    const cdr = list((await h.api('GET', '/cdr/period/2026-10-30/2026-11-28')).body, 'cdr');
    const archive = list((await h.api('GET', '/archive/period/2026-10-30/2026-11-28')).body, 'archive');
    expect(cdr.length).toBeGreaterThan(60);
    expect(archive.length).toBeGreaterThan(20);
    expect(new Set(cdr.map((r) => at(r, 'conf_num'))).size).toBe(archive.length);
    expect(list((await h.api('GET', '/cdr/period/2026-11-29/2026-12-31')).body, 'cdr')).toHaveLength(0);
  });

  it('is deterministic: the same clock gives the same rooms, CDR and archive', async () => {
    const a = await start({ seed: 'demo' });
    const b = await start({ seed: 'demo' });
    for (const path of ['/rooms', '/cdr/period/2026-10-01/2026-11-30']) {
      expect((await b.api('GET', path)).text).toBe((await a.api('GET', path)).text);
    }
    // Archive URLs carry each server's own port: compare without the origin.
    const strip = (text: string, origin: string) => text.split(origin).join('');
    expect(strip((await b.api('GET', '/archive/period/2026-10-01/2026-11-30')).text, b.emu.origin)).toBe(
      strip((await a.api('GET', '/archive/period/2026-10-01/2026-11-30')).text, a.emu.origin),
    );
  });

  it('POST /_emulator/reset {"seed": "demo"} brings the demo data back', async () => {
    const h = await start({ seed: 'demo' });
    const before = (await h.api('GET', '/rooms')).text;
    await h.control('POST', '/reset', {});
    expect(list((await h.api('GET', '/rooms')).body, 'rooms')).toHaveLength(0);
    await h.control('POST', '/reset', { seed: 'demo' });
    expect((await h.api('GET', '/rooms')).text).toBe(before);
  });
});
