import { NetworkError } from '../errors.js';
import { describeProxy } from './proxy.js';

/**
 * Turns a transport failure into exit 5 with a hint that fits the cause (and names the proxy in
 * use). An error marked `afterHead` came after the answer began: the server answered, slowly or at
 * length, which is said differently from no answer at all.
 */
export function networkError(err: unknown, url: URL, timeoutMs: number, proxy?: string): NetworkError {
  const code = (err as { code?: string }).code ?? '';
  const host = url.host;
  if (proxy && ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET'].includes(code)) {
    return new NetworkError(
      `request to ${host} through the proxy ${describeProxy(proxy)} failed (${code}).`,
      'Check HTTPS_PROXY / HTTP_PROXY, or exempt the host with NO_PROXY.',
    );
  }
  const afterHead = (err as { afterHead?: boolean }).afterHead === true;
  if (code === 'ETIMEDOUT' || (err as Error).name === 'TimeoutError') {
    if (afterHead) {
      return new NetworkError(
        `${host} answered, but the answer did not finish arriving within ${timeoutMs / 1000} s (too slow or too long).`,
        'Raise --timeout for a slow link or a large answer; a server that never ends its answer is misbehaving.',
      );
    }
    return new NetworkError(
      `${host} did not answer within ${timeoutMs / 1000} s (no response at all).`,
      'Raise --timeout, or check the network and proxy settings (`enablex doctor`).',
    );
  }
  if (afterHead) {
    return new NetworkError(
      `${host} answered, but the answer was cut off before its end (${code || (err as Error).message}).`,
      'Try again; if it keeps happening, check the proxy or the server.',
    );
  }
  if (code === 'ECONNREFUSED') {
    return new NetworkError(
      `${host} refused the connection.`,
      'Check the base URL and that the server is running.',
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new NetworkError(
      `${url.hostname} could not be resolved.`,
      'Check the base URL for typos, and DNS.',
    );
  }
  if (/CERT|SSL|TLS|SELF_SIGNED/i.test(code)) {
    return new NetworkError(
      `TLS to ${host} failed: ${(err as Error).message}`,
      'Check the base URL; behind a corporate proxy, set NODE_EXTRA_CA_CERTS to its CA file.',
    );
  }
  const message = err instanceof Error ? err.message : String(err);
  return new NetworkError(
    `request to ${host} failed: ${message}${code ? ` (${code})` : ''}`,
    'Check the network, then try again.',
  );
}
