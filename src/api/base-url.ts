import { UsageError } from '../lib/errors.js';
import { isLoopbackHost, maskUserinfo } from '../http/hosts.js';

/** Default base URL of the EnableX Video API v2. */
export const DEFAULT_BASE_URL = 'https://api.enablex.io/video/v2';

/**
 * Parses and checks a base URL: http(s) only, credentials not embedded, plain http only for
 * loopback or with --insecure. Returns it with exactly one trailing slash, so relative paths join.
 */
export function normalizeBaseUrl(raw: string, opts: { insecure?: boolean; source?: string } = {}): URL {
  const from = opts.source ? ` (from ${opts.source})` : '';
  const shown = maskUserinfo(raw.trim());
  const credentials = (display: string) =>
    new UsageError(
      `--base-url${from} must not hold credentials ("${display}"): the app id and key are sent in a header.`,
      'Set ENABLEX_APP_ID and ENABLEX_APP_KEY, or add a profile with `enablex profile add`.',
    );
  if (shown !== raw.trim()) throw credentials(shown);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new UsageError(
      `--base-url: "${shown}"${from} is not a URL.`,
      'Use the full address, for example https://api.enablex.io/video/v2',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`--base-url: "${shown}"${from} must start with https:// (or http:// for loopback).`);
  }
  if (url.username || url.password) {
    url.username = '***';
    url.password = '';
    throw credentials(url.toString());
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname) && !opts.insecure) {
    throw new UsageError(
      `--base-url: "${shown}"${from} is plain http:// to a host that is not loopback: credentials would travel unencrypted.`,
      'Use https://, or pass --insecure if you really mean it.',
    );
  }
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}
