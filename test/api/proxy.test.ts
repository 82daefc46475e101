import { describe, expect, it } from 'vitest';
import { bypassesProxy, describeProxy, proxyFor } from '../../src/api/proxy.js';

const url = (s: string) => new URL(s);

describe('proxy selection', () => {
  it('uses HTTPS_PROXY for https and HTTP_PROXY for http, lower case first', () => {
    const env = {
      HTTPS_PROXY: 'http://upper:1',
      https_proxy: 'http://lower:1',
      HTTP_PROXY: 'http://plain:1',
    };
    expect(proxyFor(url('https://api.enablex.io/'), env)).toBe('http://lower:1');
    expect(proxyFor(url('http://files.example/'), env)).toBe('http://plain:1');
  });

  it.each(['http://127.0.0.1:4040/', 'http://localhost/', 'http://[::1]/'])(
    'never proxies loopback: %s',
    (u) => {
      expect(proxyFor(url(u), { HTTP_PROXY: 'http://p:1', ALL_PROXY: 'http://p:1' })).toBeUndefined();
    },
  );

  it('has no proxy when none is set', () => {
    expect(proxyFor(url('https://api.enablex.io/'), {})).toBeUndefined();
  });

  it.each([
    ['api.enablex.io', 'https://api.enablex.io/', true],
    ['.enablex.io', 'https://api.enablex.io/', true],
    ['enablex.io', 'https://api.enablex.io/', true],
    ['*', 'https://anything/', true],
    ['other.io,enablex.io:443', 'https://api.enablex.io/', true],
    ['enablex.io:8443', 'https://api.enablex.io/', false],
    ['notenablex.io', 'https://api.enablex.io/', false],
  ])('NO_PROXY=%s for %s -> %s', (noProxy, u, expected) => {
    expect(bypassesProxy(url(u), noProxy)).toBe(expected);
  });

  it('NO_PROXY beats HTTPS_PROXY', () => {
    expect(
      proxyFor(url('https://api.enablex.io/'), { HTTPS_PROXY: 'http://p:1', NO_PROXY: '.enablex.io' }),
    ).toBeUndefined();
  });

  it.each([
    ['http://user:secret@proxy:3128', 'http://***:***@proxy:3128/'],
    ['http://ghp_Token123@proxy:3128', 'http://***:***@proxy:3128/'],
    ['http://:secret@proxy:3128', 'http://***:***@proxy:3128/'],
    ['https://proxy.corp:8443', 'https://proxy.corp:8443/'],
    ['not a url', '(unparseable proxy URL)'],
    ['user:s3cret@proxy.corp:3128', '***@proxy.corp:3128'],
    ['user:s3cret@', '***@'],
  ])('describes %s as %s, no credential shown', (proxy, shown) => {
    expect(describeProxy(proxy)).toBe(shown);
  });
});
