import { describe, expect, it } from 'vitest';
import { createProgress, formatBytes } from '../../src/download/progress.js';

function stream() {
  const s = { text: '', isTTY: true, columns: 80, write: (c: string) => ((s.text += c), true) };
  return s;
}

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KiB'],
    [5 * 1024 ** 3, '5.0 GiB'],
  ])('%d → %s', (n, text) => expect(formatBytes(n)).toBe(text));
});

describe('createProgress', () => {
  it('bar: redraws files done/total and bytes, and clears itself at the end', () => {
    const s = stream();
    const p = createProgress(s, 'bar', 2);
    p.bytes(2048);
    p.done({ path: 'a', status: 'downloaded', bytes: 2048 });
    expect(s.text).toContain('1/2 files · 2.0 KiB');
    p.done({ path: 'b', status: 'skipped', bytes: 0 });
    expect(s.text).toContain('2/2 files');
    p.end();
    expect(s.text.endsWith('\r\x1b[2K')).toBe(true);
    expect(s.text).not.toContain('\n');
  });

  it('lines: one line per saved file, none for skipped ones', () => {
    const s = stream();
    const p = createProgress(s, 'lines', 2);
    p.bytes(10);
    p.done({ path: 'a', status: 'downloaded', bytes: 10 });
    p.done({ path: 'b', status: 'skipped', bytes: 0 });
    p.end();
    expect(s.text).toBe('saved a (10 B)\n');
  });

  it('off: silent', () => {
    const s = stream();
    const p = createProgress(s, 'off', 1);
    p.bytes(10);
    p.done({ path: 'a', status: 'downloaded', bytes: 10 });
    p.end();
    expect(s.text).toBe('');
  });
});
