import { UsageError } from '../errors.js';

/** Default base URL of the EnableX Video API v2. */
export const DEFAULT_BASE_URL = 'https://api.enablex.io/video/v2';

/** True for localhost, 127.0.0.0/8 and ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(h) || h === '::1';
}

/**
 * Parses and checks a base URL: http(s) only, credentials not embedded, plain http only for
 * loopback or with --insecure. Returns it with exactly one trailing slash, so relative paths join.
 */
export function normalizeBaseUrl(raw: string, opts: { insecure?: boolean; source?: string } = {}): URL {
  const from = opts.source ? ` (from ${opts.source})` : '';
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new UsageError(
      `--base-url: "${raw}"${from} is not a URL.`,
      'Use the full address, for example https://api.enablex.io/video/v2',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`--base-url: "${raw}"${from} must start with https:// (or http:// for loopback).`);
  }
  if (url.username || url.password) {
    throw new UsageError(
      `--base-url${from} must not hold credentials.`,
      'Set ENABLEX_APP_ID and ENABLEX_APP_KEY, or add a profile with `enablex profile add`.',
    );
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname) && !opts.insecure) {
    throw new UsageError(
      `--base-url: "${raw.trim()}"${from} is plain http:// to a host that is not loopback: credentials would travel unencrypted.`,
      'Use https://, or pass --insecure if you really mean it.',
    );
  }
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}
