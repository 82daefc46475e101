import got, { type Method, type Request, type Response } from 'got';
import type { Env } from '../context.js';
import { CliError, ExitCode, InterruptedError, UsageError } from '../errors.js';
import { DEFAULT_MAX_RESPONSE_MB, readCapped } from './body.js';
import { toApiError } from './errors.js';
import { agentsFor, proxyFor } from './proxy.js';
import { networkError } from './network-error.js';
import { Scrubber, redactBody, redactHeaders } from './redact.js';
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
  /** Cap on one answer after decompression, in bytes (see body.ts); 64 MiB when unset. */
  maxResponseBytes?: number;
  /** A notice for the user on stderr (a long wait before a retry); shown without --verbose. */
  notice?: (line: string) => void;
  /** Secrets to scrub from answers quoted in messages and the log, before they are cut short. */
  secrets?: Scrubber;
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
  /** This answer's own size cap in bytes, instead of the client's. */
  maxResponseBytes?: number;
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
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
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
/** The longest wait a Retry-After gets: a server asking for hours is not waited for that long. */
export const MAX_RETRY_AFTER_MS = 60_000;
/** Waits longer than this are announced on stderr, so a pause is never silent. */
const ANNOUNCE_WAIT_MS = 3_000;

/** Parses Retry-After (seconds or an HTTP date) into milliseconds, capped at 60 s. */
export function retryAfterMs(header: string | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = /^\s*\d+(\.\d+)?\s*$/.test(header) ? Number(header) : NaN;
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

/**
 * True when `url` stays on the base URL's origin and under its path: the only place the app
 * credentials may go. Checked on the final URL of every request, whatever built it.
 */
export function isUnderBase(url: URL, base: URL): boolean {
  const basePath = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
  return (
    url.origin === base.origin &&
    url.username === '' &&
    url.password === '' &&
    (url.pathname.startsWith(basePath) || `${url.pathname}/` === basePath)
  );
}

/** A request whose URL left the base URL: refused before anything is sent (exit 2). */
function outsideBase(path: string, url: URL, base: URL): UsageError {
  return new UsageError(
    `refusing to send the request for "${path}": it would go to ${url.origin}${url.pathname}, which is not under the base URL ${base.origin}${base.pathname}.`,
    'Give a path relative to the base URL; the credentials are only ever sent to the base URL.',
  );
}

/** Creates the HTTP client: Basic auth, JSON, user agent, timeouts, retries, proxy, redacted log. */
export function createHttp(options: HttpOptions): Http {
  const auth = basicAuth(options.appId, options.appKey);
  const random = options.random ?? Math.random;
  const log = options.log;
  const agents = proxyAgents(options.env);
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_MB * 1024 * 1024;
  const secrets = options.secrets ?? new Scrubber();
  secrets.addBasic(options.appId, options.appKey);
  secrets.add(options.appKey);

  /**
   * Sends one request and waits for the answer's head, leaving the body unread on the stream: the
   * seam for an answer that is streamed rather than buffered. The URL must already be checked.
   */
  async function send(spec: RequestSpec, url: URL, signal: AbortSignal | undefined) {
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
      if (body !== undefined) log(`> ${redactBody(body, secrets)}`);
    }
    const started = performance.now();
    const stream = got.stream(url, {
      method: spec.method,
      headers,
      // Without a body got would wait for one on a DELETE or PATCH stream.
      body: spec.method === 'GET' ? undefined : (body ?? ''),
      throwHttpErrors: false,
      followRedirect: false,
      retry: { limit: 0 },
      timeout: { request: options.timeoutMs },
      agent: agents.for(url),
      signal,
    });
    const head = await responseOf(stream);
    return { stream, head, started };
  }

  /** One exchange with the answer read whole, under the size cap (the buffered path every call takes). */
  async function attempt(spec: RequestSpec, url: URL, signal: AbortSignal | undefined) {
    const { stream, head, started } = await send(spec, url, signal);
    let text: string;
    try {
      const limit = spec.maxResponseBytes ?? maxBytes;
      const declared = head.headers['content-encoding'] ? undefined : head.headers['content-length'];
      text = await readCapped(stream, limit, `${spec.method} ${pathFor(spec)}`, declared);
    } catch (err) {
      // Timed out or cut after the head arrived: the server answered, slowly or at length.
      if (!(err instanceof CliError)) Object.assign(err as object, { afterHead: true });
      throw err;
    }
    const response = { statusCode: head.statusCode, headers: head.headers, body: text };
    if (log) {
      const ms = Math.round(performance.now() - started);
      log(`< ${head.statusCode} ${head.statusMessage ?? ''} (${ms} ms)`);
      const shown = redactHeaders(head.headers as Record<string, unknown>);
      for (const k of ['content-type', 'retry-after', 'date']) if (shown[k]) log(`< ${k}: ${shown[k]}`);
      if (text) log(`< ${redactBody(text, secrets)}`);
    }
    spec.onResponse?.({ status: response.statusCode, headers: response.headers });
    return response;
  }

  async function request<T>(spec: RequestSpec): Promise<T> {
    const { url, pathForMessages, idempotent, signal, stopped } = prepare(options, spec);
    for (let n = 0; ; n++) {
      if (signal?.aborted) throw stopped();
      const last = n >= options.retries;
      let waitMs: number | undefined;
      let failure: Error;
      try {
        const response = await attempt(spec, url, signal);
        const status = response.statusCode;
        const meaning = interpret(spec.method, pathForMessages, status, response.body, (t, max) =>
          secrets.cut(t, max),
        );
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
      if (waitMs > ANNOUNCE_WAIT_MS && !log) {
        options.notice?.(
          `Waiting ${Math.round(waitMs / 1000)} s before retrying ${spec.method} ${pathForMessages} (attempt ${n + 2} of ${options.retries + 1}): ${failure.message}`,
        );
      }
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

/** `/rooms/…` as messages show a request's path. */
function pathFor(spec: RequestSpec): string {
  return `/${spec.path.replace(/^\/+/, '')}`;
}

/** What every request (buffered or streamed) starts from: its URL, checked, and its signals. */
export interface Prepared {
  url: URL;
  pathForMessages: string;
  idempotent: boolean;
  signal: AbortSignal | undefined;
  /** Why the request stopped early: Ctrl-C (exit 130), or the caller's own reason. */
  stopped: () => Error;
}

/**
 * Resolves a request's path against the base URL and refuses it (exit 2, nothing sent) when the
 * final URL leaves it: the one place that rule lives, so no request path can skip it.
 */
export function prepare(options: HttpOptions, spec: RequestSpec): Prepared {
  const url = new URL(spec.path.replace(/^\/+/, ''), options.baseUrl);
  const pathForMessages = pathFor(spec);
  if (!isUnderBase(url, options.baseUrl)) throw outsideBase(pathForMessages, url, options.baseUrl);
  const signals = [options.signal, spec.signal].filter((s): s is AbortSignal => s !== undefined);
  const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
  const stopped = (): Error => {
    if (options.signal?.aborted || !spec.signal?.aborted) return new InterruptedError();
    return cancelled(spec.signal.reason, spec.method, pathForMessages);
  };
  return { url, pathForMessages, idempotent: IDEMPOTENT.has(spec.method), signal, stopped };
}

/** Waits for the response head (or the request's failure). */
function responseOf(stream: Request): Promise<Response> {
  return new Promise((resolve, reject) => {
    stream.once('response', resolve);
    stream.once('error', reject);
  });
}

/**
 * The error of a request its caller cancelled: the reason itself when it is an error (the sibling
 * failure that stopped the job), so the job fails with that failure's message and exit code.
 */
function cancelled(reason: unknown, method: string, path: string): Error {
  if (reason instanceof Error && !(reason instanceof DOMException && reason.name === 'AbortError')) {
    return reason;
  }
  return new CliError(`${method} ${path} was cancelled.`, ExitCode.API);
}
