import { describe, expect, it } from 'vitest';
import { resolveInside, safeSegment, urlBasename } from '../../src/download/safe-path.js';
import { checkFileUrl, describeUrl } from '../../src/download/url-policy.js';

describe('safeSegment', () => {
  it.each([
    ['a.mkv', 'a.mkv'],
    ['..', 'file'],
    ['.', 'file'],
    ['../../etc/passwd', 'etc_passwd'],
    ['..\\..\\win.ini', 'win.ini'],
    ['.hidden', 'hidden'],
    ['a..b', 'a.b'],
    ['résumé final.mov', 'r_sum_final.mov'],
    ['', 'file'],
    ['%00', '00'],
    ['a\u0000b', 'a_b'],
  ])('%j → %j', (raw, safe) => {
    expect(safeSegment(raw)).toBe(safe);
  });

  it('keeps the extension when it shortens a long name', () => {
    const s = safeSegment(`${'x'.repeat(300)}.mkv`);
    expect(s).toHaveLength(120);
    expect(s.endsWith('.mkv')).toBe(true);
  });
});

describe('urlBasename', () => {
  it.each([
    ['https://h/a/b.mkv', 'b.mkv'],
    ['https://h/a/%2e%2e%2fx', '../x'],
    ['https://h/a/..%2F..%2Fetc%2Fpasswd', '../../etc/passwd'],
    ['https://h/a/../../b', 'b'],
    ['https://h/', ''],
    ['https://h/a/%E0%A4%A', '%E0%A4%A'],
  ])('%s → %j', (url, base) => {
    expect(urlBasename(new URL(url))).toBe(base);
  });
});

describe('resolveInside', () => {
  it('joins a safe relative path', () => {
    expect(resolveInside('/tmp/d', 'a/b.mkv')).toBe('/tmp/d/a/b.mkv');
  });
  it.each(['../x', 'a/../../x', '/etc/passwd', '', '.'])('refuses %j', (rel) => {
    expect(() => resolveInside('/tmp/d', rel)).toThrow(/refusing to write outside/);
  });
});

describe('checkFileUrl', () => {
  it.each([
    ['https://files.example.com/a.mkv', false, true],
    ['http://127.0.0.1:8080/a.mkv', false, true],
    ['http://localhost/a.mkv', false, true],
    ['http://[::1]/a.mkv', false, true],
    ['http://files.example.com/a.mkv', false, false],
    ['http://files.example.com/a.mkv', true, true],
    ['ftp://files.example.com/a.mkv', true, false],
    ['file:///etc/passwd', true, false],
    ['javascript:alert(1)', true, false],
    ['not a url', true, false],
    [42, true, false],
  ])('%j (insecure %s) → %s', (raw, insecure, ok) => {
    expect(checkFileUrl(raw, insecure).ok).toBe(ok);
  });

  it('drops credentials embedded in the URL', () => {
    const v = checkFileUrl('https://u:p@h/a.mkv#frag', false);
    expect(v.ok && v.url.href).toBe('https://h/a.mkv');
  });

  it('describes URLs without credentials or query', () => {
    expect(describeUrl('https://u:secret@h/a.mkv?sig=xyz')).toBe('https://h/a.mkv?…');
    expect(describeUrl('not a url')).toBe('not a url');
    expect(describeUrl('x'.repeat(250))).toBe(`${'x'.repeat(200)}…`);
  });
});
