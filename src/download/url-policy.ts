import { isLoopbackHost } from '../http/hosts.js';
import { UsageError } from '../lib/errors.js';
import { cutToLength } from '../lib/graphemes.js';

/** A file URL that may be fetched, or why not. */
type UrlVerdict = { ok: true; url: URL } | { ok: false; reason: string };

/**
 * Decides whether a file URL may receive the recording credentials: http(s) only, and plain
 * http only to a loopback host unless `insecure`. Credentials embedded in the URL are dropped
 * (the CLI sends its own, in a header, and must never echo someone else's).
 */
export function checkFileUrl(raw: unknown, insecure: boolean): UrlVerdict {
  if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, reason: 'no URL given' };
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  url.username = '';
  url.password = '';
  url.hash = '';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      ok: false,
      reason: `${url.protocol.replace(/:$/, '')}: URLs are not fetched (only http and https)`,
    };
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname) && !insecure) {
    return {
      ok: false,
      reason: `plain http:// to ${url.host} refused: the recording password would travel unencrypted (--insecure allows it)`,
    };
  }
  return { ok: true, url };
}

/** A URL for messages and logs: no credentials, no query (which may hold a signature). */
export function displayUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}${url.search ? '?…' : ''}`;
}

/** Like displayUrl for a value that may not even be a URL. */
export function describeUrl(raw: unknown): string {
  try {
    return displayUrl(new URL(String(raw)));
  } catch {
    // Marked … when cut, so the stderr scrubber removes a secret's beginning left at the cut.
    if (typeof raw !== 'string') return '';
    return raw.length > 200 ? `${cutToLength(raw, 200)}…` : raw;
  }
}

/** The environment variable listing extra hosts that may receive the recording credentials. */
export const RECORDING_HOSTS_ENV = 'ENABLEX_RECORDING_HOSTS';

/** Second-level labels under a country code that are sold as one domain (`example.co.uk`). */
const SHARED_SECOND_LEVEL = new Set([
  'ac',
  'co',
  'com',
  'edu',
  'go',
  'gob',
  'gov',
  'ltd',
  'ne',
  'net',
  'or',
  'org',
  'plc',
]);

/** Which hosts may receive the recording credentials, and why. */
export interface HostTrust {
  /** True when the credentials may go to this URL's host. */
  allows(url: URL): boolean;
  /** The rule in words, for messages: `api.enablex.io's domain enablex.io, plus files.example.com`. */
  readonly rule: string;
}

function bareHost(hostname: string): string {
  return hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

function isIpAddress(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
}

/**
 * The domain a host belongs to, without a public-suffix list: the last two labels, or three when
 * the second-to-last is a shared second level under a country code (`brand.co.uk`). An IP address
 * or a single label (`localhost`) is its own domain, matched exactly.
 * @internal Exported for its table test: the rule itself is what the test checks.
 */
export function siteOf(hostname: string): string {
  const host = bareHost(hostname);
  if (isIpAddress(host)) return host;
  const labels = host.split('.');
  if (labels.length <= 2) return host;
  const tld = labels[labels.length - 1] ?? '';
  const second = labels[labels.length - 2] ?? '';
  const take = tld.length === 2 && SHARED_SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-take).join('.');
}

/** True when `host` is `domain` or under it; an IP address only matches itself. */
function within(host: string, domain: string): boolean {
  if (isIpAddress(domain) || isIpAddress(host) || !domain.includes('.')) return host === domain;
  return host === domain || host.endsWith(`.${domain}`);
}

/** Parses ENABLEX_RECORDING_HOSTS: host names, `.example.com` or `*.example.com`, comma or space separated. */
function allowList(raw: string | undefined): { exact: string[]; domains: string[] } {
  const exact: string[] = [];
  const domains: string[] = [];
  for (const entry of (raw ?? '').split(/[\s,]+/).filter(Boolean)) {
    const wildcard = /^\*?\./.test(entry);
    const host = bareHost(entry.replace(/^\*?\./, ''));
    if (!/^[a-z0-9.-]+$|^[0-9a-f:]+$/i.test(host) || host === '' || host.startsWith('.')) {
      throw new UsageError(
        `${RECORDING_HOSTS_ENV}: "${entry.slice(0, 100)}" is not a host name.`,
        `List host names (files.example.com) or domains (.example.com), separated by commas; no scheme, port or path.`,
      );
    }
    (wildcard ? domains : exact).push(host);
  }
  return { exact, domains };
}

/**
 * The hosts that may receive the recording credentials: the API host's domain and its subdomains
 * (api.enablex.io trusts enablex.io and *.enablex.io), plus ENABLEX_RECORDING_HOSTS. A file on any
 * other host is refused, so a wrong or hostile base URL cannot send the credentials elsewhere.
 */
export function recordingTrust(apiBase: URL, env: Readonly<Record<string, string | undefined>>): HostTrust {
  const apiHost = bareHost(apiBase.hostname);
  const site = siteOf(apiHost);
  const extra = allowList(env[RECORDING_HOSTS_ENV]);
  const named = [...extra.exact, ...extra.domains.map((d) => `*.${d}`)];
  const own = site === apiHost ? apiHost : `${site} and its subdomains`;
  return {
    allows(url) {
      const host = bareHost(url.hostname);
      return within(host, site) || extra.exact.includes(host) || extra.domains.some((d) => within(host, d));
    },
    rule: `the API host's domain (${own})${named.length ? `, plus ${named.join(', ')}` : ''}`,
  };
}
