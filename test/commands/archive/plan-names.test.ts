import { describe, expect, it } from 'vitest';
import { planFiles } from '../../../src/commands/archive/plan.js';
import { MANIFEST_NAME } from '../../../src/download/manifest.js';
import { safeSegment } from '../../../src/download/safe-path.js';

const FILES = 'https://files.enablex.test';

describe('safeSegment never makes a partial-looking name', () => {
  it.each([
    ['x.mp4.partial', 'x.mp4_partial'],
    ['x.mp4.PARTIAL', 'x.mp4_PARTIAL'],
    ['.partial', 'partial'],
    ['a.partial.partial', 'a.partial_partial'],
    ['partial', 'partial'],
    ['x.partialx', 'x.partialx'],
    [`${'y'.repeat(200)}.partial`, `${'y'.repeat(112)}_partial`],
  ])('%j → %j', (raw, safe) => {
    expect(safeSegment(raw)).toEqual(safe);
  });
});

/** A small deterministic generator (mulberry32), so a failure names the seed that found it. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'x',
  'X',
  '.mp4',
  '.MP4',
  '.partial',
  '.PARTIAL',
  '.',
  '..',
  '~2',
  '%2e',
  '/',
  'a',
  '.enablex-archive.json',
  ' ',
];

describe('planFiles: no final name is another file’s partial name, the manifest or a temp file', () => {
  it.each(Array.from({ length: 20 }, (_, i) => i + 1))('seed %i', (seed) => {
    const next = random(seed);
    const pick = () => PIECES[Math.floor(next() * PIECES.length)]!;
    const name = () => Array.from({ length: 1 + Math.floor(next() * 4) }, pick).join('');
    // Several entries of one session (same day, room and conference): their files share a folder.
    const entries = Array.from({ length: 4 }, (_, e) => ({
      _id: `e${e}`,
      trans_date: '2026-11-20T10:00:00Z',
      room_id: 'r1',
      conf_num: '42',
      recording: Array.from({ length: 3 }, () => ({ url: `${FILES}/${encodeURIComponent(name())}` })),
      chatdata: `${FILES}/${encodeURIComponent(name())}`,
      metadata: `${FILES}/c/${encodeURIComponent(name())}`,
    }));
    const finals = planFiles(entries, '/tmp/audit', false).map((p) => p.path);
    const lower = finals.map((p) => p.toLowerCase());
    expect(new Set(lower).size, 'two files share a name (case folded)').toBe(finals.length);
    for (const path of lower) {
      expect(path.endsWith('.partial'), path).toBe(false);
      expect(lower.includes(`${path}.partial`)).toBe(false);
      const base = path.split('/').pop() ?? '';
      expect(base.startsWith('.'), path).toBe(false);
      expect(base).not.toBe(MANIFEST_NAME);
    }
  });
});
