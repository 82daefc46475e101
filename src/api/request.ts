import type { Method } from 'got';
import type { Env } from '../context.js';
import { CliError, ExitCode, InterruptedError, UsageError } from '../lib/errors.js';
import { fileErrorWords } from '../lib/fs/output-error.js';
import { TransportError, networkError } from '../http/network-error.js';
import { proxyFor, type AgentFactory } from '../http/proxy.js';
import type { Scrubber } from '../http/redact.js';
import { retryAfterMs, type Failure } from '../http/retry.js';

/*
 * What every EnableX request shares, buffered (src/api/http.ts) or streamed (src/api/http-stream.ts):
 * the client's options, one request's description, the base-URL rule checked before anything is
 * sent, and how a failed exchange is judged for the retry policy.
 */

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
  /** Builds proxy agents (tests pass their own to count them); hpagent's by default. */
  agentFactory?: AgentFactory;
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

/**
 * True when `url` stays on the base URL's origin and under its path: the only place the app
 * credentials may go. Checked on the final URL of every request, whatever built it.
 * @internal Exported for the property test in test/hostile/api-path.property.test.ts, which throws arbitrary paths at the rule.
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

/** A failed answer, carried to the retry policy with what it needs: the status and Retry-After. */
class Answered extends Error {
  constructor(readonly failure: Failure) {
    super(failure.error.message);
  }
}

/** Wraps an API error with its answer's status and Retry-After for the retry policy. */
export function answered(
  error: Error,
  response: { statusCode: number; headers: Record<string, string | string[] | undefined> },
  unreadable: boolean,
): Answered {
  const header = response.headers['retry-after'];
  return new Answered({
    error,
    status: response.statusCode,
    retryAfterMs: retryAfterMs(typeof header === 'string' ? header : undefined),
    unreadable,
  });
}

/**
 * A failure of the caller's own work on an answer (a record written to a full disk, a closed
 * pipe), not of the exchange: it is final, never retried (another try would fetch everything again
 * only to fail the same way), and reported as the local error it is, not as a network one.
 */
export class LocalFailure extends Error {
  constructor(
    readonly local: unknown,
    /** The request as messages name it: `GET /cdr/conf/1`. */
    readonly what: string,
  ) {
    super(local instanceof Error ? local.message : String(local));
  }
}

/**
 * The error a LocalFailure is reported as: a CLI error as it is; a file error (ENOSPC, EACCES,
 * EPIPE…) in words with its path when known, exit 2 as `cdr export --out` reports a failed write;
 * anything else unchanged (an unexpected failure).
 */
function localError(failure: LocalFailure): Error {
  const err = failure.local;
  if (!(err instanceof Error)) return failure;
  if (err instanceof CliError) return err;
  const words = fileErrorWords(err);
  if (!words) return err;
  const { code, path } = err as NodeJS.ErrnoException;
  return new UsageError(
    `${failure.what}: the answer arrived, but saving it failed${path ? ` at ${path}` : ''} (${words}${code ? `, ${code}` : ''}).`,
    'Fix the local problem (space, permissions, the reader of the output), then run again.',
  );
}

/**
 * How an API attempt's failure reads to the retry policy: an answer by its status, a transport
 * failure by its code; a failure of the caller's own work or any other CLI error (a usage error,
 * an answer too large) is final.
 */
export function judgeApi(err: unknown, url: URL, options: Pick<HttpOptions, 'timeoutMs' | 'env'>): Failure {
  if (err instanceof LocalFailure) return { error: localError(err) };
  if (err instanceof Answered) return err.failure;
  if (err instanceof TransportError) return { error: err, code: err.code };
  if (err instanceof CliError) return { error: err };
  const error = networkError(err, url, options.timeoutMs, proxyFor(url, options.env));
  return { error, code: error.code };
}

/** `/rooms/…` as messages show a request's path. */
export function pathFor(spec: RequestSpec): string {
  return `/${spec.path.replace(/^\/+/, '')}`;
}

/** What every request (buffered or streamed) starts from: its URL, checked, and its signals. */
interface Prepared {
  url: URL;
  pathForMessages: string;
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
  return { url, pathForMessages, signal, stopped };
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
