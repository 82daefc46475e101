import { NetworkError } from '../lib/errors.js';
import { describeProxy } from './proxy.js';

/** A transport failure in the CLI's words (exit 5), keeping the code the retry policy reads. */
export class TransportError extends NetworkError {
  constructor(
    message: string,
    hint: string,
    /** The transport's code (ECONNRESET, ETIMEDOUT…), or '' when it gave none. */
    readonly code: string,
  ) {
    super(message, hint);
  }
}

/**
 * A timeout in words: which limit ran out (got's `event`) and whether the server had begun
 * answering. API requests have one limit on the whole exchange (the hint names --timeout).
 * Downloads have limits on connecting, on the answer's start and on silence, never on a transfer
 * that keeps moving; their message alone is shown per file, so it names --timeout itself.
 */
function timedOut(
  err: unknown,
  host: string,
  timeoutMs: number,
  afterHead: boolean,
  code: string,
): TransportError {
  const limit = `${timeoutMs / 1000} s`;
  const event = (err as { event?: string }).event;
  const hint =
    'Raise --timeout (seconds) for a slow link, or check the network and proxy settings (`enablex doctor`).';
  if (event === 'lookup' || event === 'connect' || event === 'secureConnect') {
    const what = event === 'secureConnect' ? 'finish the TLS handshake with' : 'connect to';
    return new TransportError(`could not ${what} ${host} within ${limit} (the --timeout limit).`, hint, code);
  }
  if (event === 'response') {
    return new TransportError(
      `${host} did not start answering within ${limit} (the --timeout limit).`,
      hint,
      code,
    );
  }
  if (event === 'socket') {
    return new TransportError(
      afterHead
        ? `${host} answered, then sent nothing for ${limit} (the --timeout limit for silence): the transfer stalled.`
        : `${host} sent nothing for ${limit} (the --timeout limit for silence): no response at all.`,
      'Raise --timeout (seconds) to wait longer through a silence; a transfer that stalls again points at the network or the server.',
      code,
    );
  }
  if (afterHead) {
    return new TransportError(
      `${host} answered, but the answer did not finish arriving within ${limit} (too slow or too long).`,
      'Raise --timeout (seconds) for a slow link or a large answer; a server that never ends its answer is misbehaving.',
      code,
    );
  }
  return new TransportError(`${host} did not answer within ${limit} (no response at all).`, hint, code);
}

/**
 * Turns a transport failure into exit 5 with a hint that fits the cause (and names the proxy in
 * use). A got error carrying a response came after the answer began: the server answered, slowly
 * or at length, which is said differently from no answer at all.
 */
export function networkError(err: unknown, url: URL, timeoutMs: number, proxy?: string): TransportError {
  const code = (err as { code?: string }).code ?? '';
  const host = url.host;
  if (proxy && ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET'].includes(code)) {
    return new TransportError(
      `request to ${host} through the proxy ${describeProxy(proxy)} failed (${code}).`,
      'Check HTTPS_PROXY / HTTP_PROXY, or exempt the host with NO_PROXY.',
      code,
    );
  }
  const afterHead = (err as { response?: unknown }).response !== undefined;
  if (code === 'ETIMEDOUT' || (err as Error).name === 'TimeoutError') {
    return timedOut(err, host, timeoutMs, afterHead, code);
  }
  if (afterHead) {
    return new TransportError(
      `${host} answered, but the answer was cut off before its end (${code || (err as Error).message}).`,
      'Try again; if it keeps happening, check the proxy or the server.',
      code,
    );
  }
  if (code === 'ECONNREFUSED') {
    return new TransportError(
      `${host} refused the connection.`,
      'Check the base URL and that the server is running.',
      code,
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new TransportError(
      `${url.hostname} could not be resolved.`,
      'Check the base URL for typos, and DNS.',
      code,
    );
  }
  if (/CERT|SSL|TLS|SELF_SIGNED/i.test(code)) {
    return new TransportError(
      `TLS to ${host} failed: ${(err as Error).message}`,
      'Check the base URL; behind a corporate proxy, set NODE_EXTRA_CA_CERTS to its CA file.',
      code,
    );
  }
  const message = err instanceof Error ? err.message : String(err);
  return new TransportError(
    `request to ${host} failed: ${message}${code ? ` (${code})` : ''}`,
    'Check the network, then try again.',
    code,
  );
}
