/**
 * The one retry policy and the one retry loop of every request the CLI sends: buffered API calls,
 * streamed CDR lists and archive file downloads all go through `retrying`.
 */

/** Methods safe to send again. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** Errors raised before the request left this machine: safe to retry even a POST. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** Transport error codes worth a retry. */
const TRANSIENT = new Set([
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
const MAX_RETRY_AFTER_MS = 60_000;
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

/**
 * Exponential backoff with full jitter: 0.5 s, 1 s, 2 s … capped at 8 s.
 * @internal Exported for its table test: the rule itself is what the test checks.
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(8000, 500 * 2 ** attempt);
  return Math.round(cap / 2 + (random() * cap) / 2);
}

/**
 * What a failed attempt was, as the policy needs it: the error to report, and either the HTTP
 * status the server answered, the transport's error code, or (for a failure that is neither, like
 * a cut transfer) whether it is transient.
 */
export interface Failure {
  error: Error;
  /** The answer's status, when the server answered. */
  status?: number;
  /** Its Retry-After, already parsed (retryAfterMs). */
  retryAfterMs?: number;
  /** A 2xx or 5xx answer that could not be read: worth another try for a safe method. */
  unreadable?: boolean;
  /** The transport's error code (ECONNRESET, ETIMEDOUT…), when no answer came. */
  code?: string;
  /** Neither status nor code: whether another try may get past it (a cut transfer). */
  transient?: boolean;
}

/**
 * The policy: 429 is always worth another try (the server did not act on the request, so even a
 * POST may be sent again); a 5xx or an unreadable answer only for a method safe to repeat; a
 * transient network error only for such a method, or when the request never left this machine.
 * @internal Exported for its table test: the rule itself is what the test checks.
 */
export function mayRetry(method: string, f: Failure): boolean {
  const idempotent = IDEMPOTENT.has(method.toUpperCase());
  if (f.status !== undefined) return f.status === 429 || (idempotent && (f.status >= 500 || !!f.unreadable));
  if (f.code !== undefined) return TRANSIENT.has(f.code) && (idempotent || NOT_SENT.has(f.code));
  return f.transient === true && idempotent;
}

/** The run's side of the loop: how many retries, how to wait, where to say so. */
export interface RetryOptions {
  retries: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Random source for jitter (tests pin it). */
  random?: () => number;
  /** The --verbose log; every retry is logged there. */
  log?: (line: string) => void;
  /** A notice on stderr for a long wait (over 3 s) when --verbose is off. */
  notice?: (line: string) => void;
}

/** One request's side of the loop. */
interface RetryRequest {
  method: string;
  /** The request as messages name it: `GET /rooms`, `GET rec/a.mp4`. */
  what: string;
  /** Ctrl-C or the caller's cancel: stops before an attempt and during a wait, at once. */
  signal?: AbortSignal;
  /** The error to throw once the signal stopped the request. */
  stopped: () => Error;
}

/**
 * Runs `attempt` until it succeeds, the policy says no, or the retries are spent. `judge` turns
 * what an attempt threw into a Failure; its `error` is what is finally thrown. Each retry is
 * logged (--verbose) and a long wait is announced, the same way for every kind of request.
 */
export async function retrying<T>(
  options: RetryOptions,
  request: RetryRequest,
  attempt: (n: number) => Promise<T>,
  judge: (err: unknown) => Failure,
): Promise<T> {
  const { signal, stopped } = request;
  const total = options.retries + 1;
  for (let n = 0; ; n++) {
    if (signal?.aborted) throw stopped();
    let failure: Failure;
    try {
      return await attempt(n);
    } catch (err) {
      if (signal?.aborted) throw stopped();
      failure = judge(err);
    }
    if (n >= options.retries || !mayRetry(request.method, failure)) throw failure.error;
    const waitMs = failure.retryAfterMs ?? backoffMs(n, options.random);
    const message = failure.error.message;
    options.log?.(`! retrying in ${waitMs} ms (attempt ${n + 2} of ${total}): ${message}`);
    if (waitMs > ANNOUNCE_WAIT_MS && !options.log) {
      options.notice?.(
        `Waiting ${Math.round(waitMs / 1000)} s before retrying ${request.what} (attempt ${n + 2} of ${total}): ${message}`,
      );
    }
    try {
      await options.sleep(waitMs, signal);
    } catch {
      throw stopped();
    }
  }
}
