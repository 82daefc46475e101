import { isLoopbackHost } from '../api/base-url.js';

/** A file URL that may be fetched, or why not. */
export type UrlVerdict = { ok: true; url: URL } | { ok: false; reason: string };

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
    return typeof raw === 'string' ? raw.slice(0, 200) : '';
  }
}
