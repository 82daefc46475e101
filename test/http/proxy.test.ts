import { describe, expect, it, vi } from 'vitest';
import { bypassesProxy, describeProxy, proxyAgents, proxyFor } from '../../src/http/proxy.js';
import { countingAgents } from '../helpers/agents.js';

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

describe('proxyAgents', () => {
  const env = { HTTPS_PROXY: 'http://proxy.corp.test:3128', HTTP_PROXY: 'http://proxy.corp.test:3128' };

  it('gives every request through the same proxy and protocol the same agent', () => {
    const agents = proxyAgents(env);
    const first = agents.for(new URL('https://api.enablex.test/video/v2/rooms'));
    const second = agents.for(new URL('https://api.enablex.test/video/v2/cdr/conf/1'));
    const otherHost = agents.for(new URL('https://files.enablex.test/rec/a.mp4'));
    expect(first?.https).toBeDefined();
    expect(second).toBe(first);
    expect(second?.https).toBe(first?.https);
    expect(otherHost).toBe(first);
    agents.close();
  });

  it('keeps one agent per protocol, and none where no proxy applies', () => {
    const agents = proxyAgents({ ...env, NO_PROXY: 'direct.test' });
    const https = agents.for(new URL('https://api.enablex.test/a'));
    const http = agents.for(new URL('http://api.enablex.test/a'));
    expect(http?.http).toBeDefined();
    expect(http).not.toBe(https);
    expect(agents.for(new URL('http://api.enablex.test/b'))).toBe(http);
    expect(agents.for(new URL('https://direct.test/a'))).toBeUndefined();
    expect(agents.for(new URL('http://127.0.0.1:8080/a'))).toBeUndefined();
    expect(proxyAgents({}).for(new URL('https://api.enablex.test/a'))).toBeUndefined();
    agents.close();
  });

  it('close destroys every agent it built; later requests get fresh ones', () => {
    const agents = proxyAgents(env);
    const https = agents.for(new URL('https://api.enablex.test/a'))?.https;
    const http = agents.for(new URL('http://api.enablex.test/a'))?.http;
    const destroyed = [vi.spyOn(https!, 'destroy'), vi.spyOn(http!, 'destroy')];
    agents.close();
    for (const spy of destroyed) expect(spy).toHaveBeenCalledOnce();
    expect(agents.for(new URL('https://api.enablex.test/a'))?.https).not.toBe(https);
    agents.close();
  });

  it('builds its agents with the factory it is given', () => {
    const agents = countingAgents();
    const cache = proxyAgents(env, agents.factory);
    cache.for(new URL('https://api.enablex.test/a'));
    cache.for(new URL('https://files.enablex.test/b'));
    cache.for(new URL('http://api.enablex.test/a'));
    expect(agents.built).toHaveLength(2);
    cache.close();
    expect(agents.destroyed).toEqual(agents.built);
  });
});
