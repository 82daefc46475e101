import got, { type Method } from 'got';
import type { Env } from '../context.js';
import { CliError, ExitCode, InterruptedError, NetworkError } from '../errors.js';
import { toApiError } from './errors.js';
import { agentsFor, describeProxy, proxyFor } from './proxy.js';
import { redactBody, redactHeaders } from './redact.js';
import { interpret } from './response.js';
import { streamList, type ListStream } from './http-stream.js';

/** How the HTTP layer is set up for one run. */
export interface HttpOptions {
  baseUrl: URL;
  appId: string;
  appKey: string;
  userAgent: string;
  timeoutMs: number;
  retries: number;
  env: Env;
  signal?: AbortSignal;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Verbose request/response log (already redacted); undefined when --verbose is off. */
  log?: (line: string) => void;
  /** Random source for jitter (tests pin it). */
  random?: () => number;
}

/** What `onResponse` sees of each answer, before it is interpreted. */
export interface ResponseInfo {
  status: number;
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** A call to the API: method, path relative to the base URL, optional JSON body. */
export interface RequestSpec {
  method: Method;
  path: string;
  json?: unknown;
  /** Called with every answer received, retries included (`doctor` reads the server's Date). */
  onResponse?: (info: ResponseInfo) => void;
  /**
   * Cancels this request and its retry waits (a failed sibling of a multi-request job). Unlike the
   * run's own signal (Ctrl-C, exit 130), the request then rejects with the signal's reason.
   */
  signal?: AbortSignal;
}

/** The authenticated EnableX HTTP client every api/ module uses. */
export interface Http {
  readonly baseUrl: URL;
  request<T = unknown>(spec: RequestSpec): Promise<T>;
  /** Ends the client's proxy connections (kept alive between requests); call when the run ends. */
  close?(): void;
  /** A GET whose answer holds one large list, read as a stream (see streamList). */
  streamList?: ListStream;
}

/** got's `agent` option: the agent for each protocol a request may use. */
export type Agents = NonNullable<ReturnType<typeof agentsFor>>;

/** Proxy agents shared by the requests of one client, so keep-alive tunnels are reused. */
export interface ProxyAgents {
  /** The agents for a request URL (undefined when no proxy applies), built once per proxy and protocol. */
  for(url: URL): Agents | undefined;
  /** Destroys every agent built, closing its sockets. */
  close(): void;
}

/**
 * One proxy agent per proxy URL and protocol, built on first use. An agent per request would open a
 * new tunnel every time and leave its idle keep-alive sockets behind.
 */
export function proxyAgents(env: Env): ProxyAgents {
  const cache = new Map<string, Agents>();
  return {
    for(url) {
      const proxy = proxyFor(url, env);
      if (!proxy) return undefined;
      const key = `${url.protocol} ${proxy}`;
      let agents = cache.get(key);
      if (!agents) {
        agents = agentsFor(url, env);
        if (!agents) return undefined;
        cache.set(key, agents);
      }
      return agents;
    },
    close() {
      for (const agents of cache.values()) {
        agents.http?.destroy();
        agents.https?.destroy();
      }
      cache.clear();
    },
  };
}

/** Methods safe to send again. */
export const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** Errors raised before the request left this machine: safe to retry even a POST. */
export const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** Transport error codes worth a retry. */
export const TRANSIENT = new Set([
  ...NOT_SENT,
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ECONNABORTED',
  'ERR_GOT_REQUEST_ERROR',
  'ERR_STREAM_PREMATURE_CLOSE',
  'UND_ERR_SOCKET',
]);
const MAX_RETRY_AFTER_MS = 120_000;

/** Parses Retry-After (seconds or an HTTP date) into milliseconds, capped. */
export function retryAfterMs(header: string | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

/** Exponential backoff with full jitter: 0.5 s, 1 s, 2 s … capped at 8 s. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(8000, 500 * 2 ** attempt);
  return Math.round(cap / 2 + (random() * cap) / 2);
}

/** The `Authorization` value of HTTP Basic auth for a user and password. */
export function basicAuth(user: string, pass: string): string {
  return 'Basic ' + Buffer.from(`${user}:${pass}`).toString('base64');
}

/** Creates the HTTP client: Basic auth, JSON, user agent, timeouts, retries, proxy, redacted log. */
export function createHttp(options: HttpOptions): Http {
  const auth = basicAuth(options.appId, options.appKey);
  const random = options.random ?? Math.random;
  const log = options.log;
  const agents = proxyAgents(options.env);

  async function attempt(spec: RequestSpec, url: URL, signal: AbortSignal | undefined) {
    const headers: Record<string, string> = {
      authorization: auth,
      accept: 'application/json',
      'user-agent': options.userAgent,
    };
    const body = spec.json === undefined ? undefined : JSON.stringify(spec.json);
    if (body !== undefined || spec.method !== 'GET') headers['content-type'] = 'application/json';
    if (log) {
      log(`> ${spec.method} ${url.toString()}`);
      for (const [k, v] of Object.entries(redactHeaders(headers))) log(`> ${k}: ${v}`);
      if (body !== undefined) log(`> ${redactBody(body)}`);
    }
    const started = performance.now();
    const response = await got(url, {
      method: spec.method,
      headers,
      body,
      throwHttpErrors: false,
      followRedirect: false,
      retry: { limit: 0 },
      timeout: { request: options.timeoutMs },
      agent: agents.for(url),
      responseType: 'text',
      signal,
    });
    if (log) {
      const ms = Math.round(performance.now() - started);
      log(`< ${response.statusCode} ${response.statusMessage ?? ''} (${ms} ms)`);
      const shown = redactHeaders(response.headers as Record<string, unknown>);
      for (const k of ['content-type', 'retry-after', 'date']) if (shown[k]) log(`< ${k}: ${shown[k]}`);
      if (response.body) log(`< ${redactBody(response.body)}`);
    }
    spec.onResponse?.({ status: response.statusCode, headers: response.headers });
    return response;
  }

  async function request<T>(spec: RequestSpec): Promise<T> {
    const url = new URL(spec.path.replace(/^\/+/, ''), options.baseUrl);
    const pathForMessages = `/${spec.path.replace(/^\/+/, '')}`;
    const idempotent = IDEMPOTENT.has(spec.method);
    const signals = [options.signal, spec.signal].filter((s): s is AbortSignal => s !== undefined);
    const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
    /** Why the request stopped early: Ctrl-C (exit 130), or the caller's own reason. */
    const stopped = (): Error => {
      if (options.signal?.aborted || !spec.signal?.aborted) return new InterruptedError();
      return cancelled(spec.signal.reason, spec.method, pathForMessages);
    };
    for (let n = 0; ; n++) {
      if (signal?.aborted) throw stopped();
      const last = n >= options.retries;
      let waitMs: number | undefined;
      let failure: Error;
      try {
        const response = await attempt(spec, url, signal);
        const status = response.statusCode;
        const meaning = interpret(spec.method, pathForMessages, status, response.body);
        if (meaning.ok) return meaning.body as T;
        failure = toApiError(meaning.failure, meaning.unreadable);
        // 429 says the server did not act on the request, so even a POST may be sent again.
        const retryable = status === 429 || (idempotent && (status >= 500 || meaning.unreadable));
        if (!retryable || last) throw failure;
        waitMs = retryAfterMs(response.headers['retry-after'] as string | undefined) ?? backoffMs(n, random);
      } catch (err) {
        if (err instanceof CliError) throw err;
        if (signal?.aborted) throw stopped();
        const code = (err as { code?: string }).code ?? '';
        failure = networkError(err, url, options.timeoutMs, proxyFor(url, options.env));
        const mayRetry = TRANSIENT.has(code);
        const safe = idempotent || NOT_SENT.has(code);
        if (!mayRetry || !safe || last) throw failure;
        waitMs = backoffMs(n, random);
      }
      log?.(`! retrying in ${waitMs} ms (attempt ${n + 2} of ${options.retries + 1}): ${failure.message}`);
      try {
        await options.sleep(waitMs, signal);
      } catch {
        throw stopped();
      }
    }
  }

  return {
    baseUrl: options.baseUrl,
    request,
    close: () => agents.close(),
    streamList: (spec, key, onItem) => streamList(options, agents, auth, spec, key, onItem),
  };
}

/**
 * The error of a request its caller cancelled: the reason itself when it is an error (the sibling
 * failure that stopped the job), so the job fails with that failure's message and exit code.
 */
export function cancelled(reason: unknown, method: string, path: string): Error {
  if (reason instanceof Error && !(reason instanceof DOMException && reason.name === 'AbortError')) {
    return reason;
  }
  return new CliError(`${method} ${path} was cancelled.`, ExitCode.API);
}

/** Turns a transport failure into exit 5 with a hint that fits the cause (and names the proxy in use). */
export function networkError(err: unknown, url: URL, timeoutMs: number, proxy?: string): NetworkError {
  const code = (err as { code?: string }).code ?? '';
  const host = url.host;
  if (proxy && ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET'].includes(code)) {
    return new NetworkError(
      `request to ${host} through the proxy ${describeProxy(proxy)} failed (${code}).`,
      'Check HTTPS_PROXY / HTTP_PROXY, or exempt the host with NO_PROXY.',
    );
  }
  if (code === 'ETIMEDOUT' || (err as Error).name === 'TimeoutError') {
    return new NetworkError(
      `${host} did not answer within ${timeoutMs / 1000} s.`,
      'Raise --timeout, or check the network and proxy settings (`enablex doctor`).',
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
