import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { at, start, stopAll } from './helpers.js';
import { tempDir, removeTempDir } from '../helpers/temp.js';

afterEach(stopAll);

describe('an out-of-range clock offset in a state file', () => {
  for (const offset of [1e300, -1e300, 101 * 366 * 86_400_000]) {
    it(`(${offset} ms) is ignored on load with a warning; the clock works again`, async () => {
      const dir = tempDir('offset');
      try {
        const statePath = join(dir, 'state.json');
        const first = await start({ statePath });
        await first.api('POST', '/rooms', { name: 'Kept', owner_ref: 'me' });
        await stopAll();
        const state = JSON.parse(readFileSync(statePath, 'utf8')) as Record<string, unknown>;
        writeFileSync(statePath, JSON.stringify({ ...state, clockOffsetMs: offset }));

        const warnings: string[] = [];
        const h = await start({ statePath, warn: (line) => warnings.push(line) });
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toContain(statePath);
        expect(warnings[0]).toMatch(/clock offset .* more than 100 years: ignored/);

        const status = await h.control('GET', '/status');
        expect(at(status.body, 'clock_offset_ms')).toBe(0);
        const moved = await h.control('POST', '/clock/advance', { minutes: 1 });
        expect([moved.status, at(moved.body, 'clock_offset_ms')]).toEqual([200, 60_000]);
        // The file is repaired and the rest of the state kept.
        const saved = JSON.parse(readFileSync(statePath, 'utf8')) as { clockOffsetMs: number; rooms: object };
        expect(saved.clockOffsetMs).toBe(60_000);
        expect(Object.keys(saved.rooms)).toHaveLength(1);
      } finally {
        removeTempDir(dir);
      }
    });
  }

  it('a usable offset loads without a warning', async () => {
    const dir = tempDir('offset');
    try {
      const statePath = join(dir, 'state.json');
      writeFileSync(statePath, JSON.stringify({ version: 1, clockOffsetMs: 3_600_000 }));
      const warnings: string[] = [];
      const h = await start({ statePath, warn: (line) => warnings.push(line) });
      expect(warnings).toEqual([]);
      expect(at((await h.control('GET', '/status')).body, 'clock_offset_ms')).toBe(3_600_000);
    } finally {
      removeTempDir(dir);
    }
  });
});

describe('a bad clock request', () => {
  it('is a plain 400 with a clear message, no room result code', async () => {
    const h = await start();
    for (const body of [{ minutes: 'soon' }, { minutes: 1e300 }, {}]) {
      const res = await h.control('POST', '/clock/advance', body);
      expect(res.status).toBe(400);
      expect(at(res.body, 'result')).toBeUndefined();
      expect(String(at(res.body, 'error'))).toMatch(/^Clock advance: minutes must be/);
    }
    const year = 366 * 24 * 60;
    for (let i = 0; i < 10; i++) await h.control('POST', '/clock/advance', { minutes: 10 * year });
    const far = await h.control('POST', '/clock/advance', { minutes: 10 * year });
    expect([far.status, at(far.body, 'result')]).toEqual([400, undefined]);
    expect(String(at(far.body, 'error'))).toMatch(/at most 100 years .*POST \/reset/);
  });
});
