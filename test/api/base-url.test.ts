import { describe, expect, it } from 'vitest';
import { isLoopbackHost, normalizeBaseUrl } from '../../src/api/base-url.js';

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
