import { describe, expect, it } from 'vitest';
import { describeUrl, recordingTrust, siteOf } from '../../src/download/url-policy.js';
import { UsageError } from '../../src/lib/errors.js';
import { STRADDLING, expectGraphemeCut } from '../helpers/graphemes.js';

const trust = (base: string, env: Record<string, string> = {}) => recordingTrust(new URL(base), env);
const allows = (base: string, file: string, env: Record<string, string> = {}) =>
  trust(base, env).allows(new URL(file));

describe('siteOf', () => {
  it.each([
    ['api.enablex.io', 'enablex.io'],
    ['enablex.io', 'enablex.io'],
    ['a.b.api.brand.com', 'brand.com'],
    ['api.brand.co.uk', 'brand.co.uk'],
    ['api.brand.com.au', 'brand.com.au'],
    ['brand.co.uk', 'brand.co.uk'],
    ['127.0.0.1', '127.0.0.1'],
    ['[::1]', '::1'],
    ['localhost', 'localhost'],
  ])('%s -> %s', (host, site) => {
    expect(siteOf(host)).toBe(site);
  });
});

describe('recordingTrust', () => {
  it.each([
    ['https://api.enablex.io/video/v2', 'https://files.enablex.io/a.mp4', true],
    ['https://api.enablex.io/video/v2', 'https://enablex.io/a.mp4', true],
    ['https://api.enablex.io/video/v2', 'https://deep.cdn.enablex.io:8443/a.mp4', true],
    ['https://api.enablex.io/video/v2', 'https://enablex.io.evil.test/a.mp4', false],
    ['https://api.enablex.io/video/v2', 'https://evilenablex.io/a.mp4', false],
    ['https://api.enablex.io/video/v2', 'https://s3.amazonaws.com/a.mp4', false],
    ['https://api.brand.co.uk/video/v2', 'https://other.co.uk/a.mp4', false],
    ['http://127.0.0.1:3000/video/v2', 'http://127.0.0.1:4000/a.mp4', true],
    ['http://127.0.0.1:3000/video/v2', 'http://127.0.0.2:3000/a.mp4', false],
    ['http://localhost:3000/video/v2', 'http://evil.localhost:3000/a.mp4', false],
  ])('API %s, file %s -> %s', (base, file, ok) => {
    expect(allows(base, file)).toBe(ok);
  });

  it('adds the hosts and domains of ENABLEX_RECORDING_HOSTS', () => {
    const env = { ENABLEX_RECORDING_HOSTS: 'files.example.com, *.cdn.test .media.test 127.0.0.2' };
    const base = 'https://api.enablex.io/video/v2';
    expect(allows(base, 'https://files.example.com/a', env)).toBe(true);
    expect(allows(base, 'https://x.files.example.com/a', env)).toBe(false);
    expect(allows(base, 'https://a.b.cdn.test/a', env)).toBe(true);
    expect(allows(base, 'https://cdn.test/a', env)).toBe(true);
    expect(allows(base, 'https://x.media.test/a', env)).toBe(true);
    expect(allows(base, 'http://127.0.0.2:9/a', env)).toBe(true);
    expect(trust(base, env).rule).toBe(
      "the API host's domain (enablex.io and its subdomains), plus files.example.com, 127.0.0.2, *.cdn.test, *.media.test",
    );
  });

  it.each(['https://files.example.com', 'files.example.com/x', 'user@files.example.com', '*'])(
    'refuses the allow-list entry %s with a usage error naming the variable',
    (entry) => {
      expect(() => trust('https://api.enablex.io/', { ENABLEX_RECORDING_HOSTS: entry })).toThrow(UsageError);
      expect(() => trust('https://api.enablex.io/', { ENABLEX_RECORDING_HOSTS: entry })).toThrow(
        /ENABLEX_RECORDING_HOSTS/,
      );
    },
  );
});

describe('describeUrl', () => {
  it.each(STRADDLING)(
    'cuts a value that is not a URL between graphemes: %s (%s) straddling character 200, %i unit(s) before it',
    (_what, cluster, before) => {
      const raw = `${'x'.repeat(200 - before)}${cluster} and more`;
      const shown = describeUrl(raw);
      expect(shown).toBe(`${'x'.repeat(200 - before)}…`);
      expectGraphemeCut(raw, shown);
    },
  );

  it('shows a short value that is not a URL as it is', () => {
    expect(describeUrl('not a url 😀')).toBe('not a url 😀');
  });
});
