import { describe, expect, it } from 'vitest';
import { normalizeBaseUrl } from '../../src/api/base-url.js';
import { isLoopbackHost, maskUserinfo } from '../../src/http/hosts.js';
import { UsageError } from '../../src/lib/errors.js';

describe('normalizeBaseUrl', () => {
  it.each([
    ['https://api.enablex.io/video/v2', 'https://api.enablex.io/video/v2/'],
    ['https://api.enablex.io/video/v2/', 'https://api.enablex.io/video/v2/'],
    ['http://127.0.0.1:4040/video/v2', 'http://127.0.0.1:4040/video/v2/'],
    ['http://localhost:4040/video/v2?x=1', 'http://localhost:4040/video/v2/'],
    ['http://[::1]:4040/video/v2', 'http://[::1]:4040/video/v2/'],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizeBaseUrl(raw).toString()).toBe(expected);
  });

  it.each([
    ['not a url', /not a URL/],
    ['ftp://x/video/v2', /must start with https/],
    ['https://id:key@api.enablex.io/video/v2', /must not hold credentials/],
    ['http://api.enablex.io/video/v2', /plain http/],
  ])('refuses %s', (raw, message) => {
    expect(() => normalizeBaseUrl(raw)).toThrow(message);
  });

  it('allows plain http to a remote host with --insecure', () => {
    expect(normalizeBaseUrl('http://api.example.com/v1', { insecure: true }).toString()).toBe(
      'http://api.example.com/v1/',
    );
  });

  it.each([
    ['localhost', true],
    ['127.0.0.5', true],
    ['[::1]', true],
    ['10.0.0.1', false],
    ['127.example.com', false],
  ])('isLoopbackHost(%s) = %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe('base URLs with credentials, and *.localhost', () => {
  it.each([
    'user:s3cretPw@api.example.com/video/v2',
    ':s3cretPw@api.example.com/video/v2',
    'https://user:s3cretPw@api.example.com/video/v2',
    'https://:s3cretPw@api.example.com/video/v2',
    'ftp://u:s3cretPw@api.example.com/',
    'https:\\\\u:s3cretPw@api.example.com/video/v2',
  ])('refuses %s (exit 2) without echoing the password', (raw) => {
    let caught: unknown;
    try {
      normalizeBaseUrl(raw);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as Error).message).toContain('must not hold credentials');
    expect((caught as Error).message).not.toContain('s3cretPw');
  });

  it.each([
    ['user:pw@host/x', '***@host/x'],
    ['https://a:b@host/x', 'https://***@host/x'],
    ['https://host/x@y', 'https://host/x@y'],
  ])('maskUserinfo(%s) = %s', (raw, shown) => {
    expect(maskUserinfo(raw)).toBe(shown);
  });

  it('treats only localhost, 127/8 and ::1 as loopback; *.localhost is resolved by DNS', () => {
    expect(['localhost', '127.0.0.9', '[::1]'].map(isLoopbackHost)).toEqual([true, true, true]);
    expect(['evil.localhost', 'localhost.evil.test', '128.0.0.1'].map(isLoopbackHost)).toEqual([
      false,
      false,
      false,
    ]);
    expect(() => normalizeBaseUrl('http://app.localhost:8080/video/v2')).toThrow(/not loopback/);
  });
});
