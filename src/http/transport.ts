import got, { type Method, type PlainResponse, type Request, type Response, type RequestError } from 'got';
import type { Env } from '../context.js';
import { CliError } from '../lib/errors.js';
import { networkError } from './network-error.js';
import { proxyAgents, proxyFor, type AgentFactory, type ProxyAgents } from './proxy.js';
import { Scrubber, redactBody, redactHeaders } from './redact.js';

/** How one transport (the API client's, or one download run's) is set up. */
interface TransportOptions {
  /** The `Authorization` value sent with every request (basicAuth); never logged. */
  authorization: string;
  userAgent: string;
  /** The request timeout; also what a timeout's message says. */
  timeoutMs: number;
  /** HTTPS_PROXY / HTTP_PROXY / NO_PROXY come from here. */
  env: Env;
  /** Verbose request/response log (redacted here); undefined when --verbose is off. */
  log?: (line: string) => void;
  /** Secrets scrubbed from the bodies the log shows. */
  secrets?: Scrubber;
  /** Builds proxy agents (tests pass their own to count them); hpagent's by default. */
  agentFactory?: AgentFactory;
}

/** One request: what the caller decides; auth, user agent, proxy, log and errors are the transport's. */
export interface SendSpec {
  method: Method;
  /** Headers besides authorization and user-agent. */
  headers: Record<string, string>;
  body?: string;
  /** got's timeouts; `{ request: timeoutMs }` when unset. */
  timeout?: {
    connect?: number;
    secureConnect?: number;
    response?: number;
    socket?: number;
    request?: number;
  };
  /** false (the default) or a test each redirect must pass before it is followed. */
  followRedirect?: false | ((response: PlainResponse) => boolean);
  decompress?: boolean;
  signal?: AbortSignal;
  /** How the log shows a URL (a file URL's query may hold a signature); the full URL by default. */
  display?: (url: URL) => string;
}

/** A request whose answer's head has arrived; the body is still unread on `stream`. */
export interface Opened {
  stream: Request;
  head: Response;
}

/** The transport: one got instance, its proxy agents, and the shared log. */
export interface Transport {
  /** Sends a request and waits for the answer's head (logged); a failure rejects with a TransportError. */
  open(url: URL, spec: SendSpec): Promise<Opened>;
  /** Logs an answer's body (redacted) after its head; `extra` follows it on the same line. */
  logBody(text: string, extra?: string): void;
  /** Ends the proxy connections kept alive between requests. */
  close(): void;
}

/** The `Authorization` value of HTTP Basic auth for a user and password. */
export function basicAuth(user: string, pass: string): string {
  return 'Basic ' + Buffer.from(`${user}:${pass}`).toString('base64');
}

/** What `open` hands the hooks through got's per-request context. */
interface HookContext {
  display?: (url: URL) => string;
  /** The header names the log shows: the ones the CLI set, not got's own additions. */
  logged?: string[];
}

/**
 * Builds the transport: a got instance (`got.extend`) with retries and HTTP errors off (the retry
 * loop and the callers decide), a `beforeRequest` hook writing the --verbose log with secrets
 * redacted, and a `beforeError` hook turning every got error into a TransportError (exit 5, a hint
 * fitting the cause, the code kept for the retry policy).
 */
export function createTransport(options: TransportOptions): Transport {
  const { log } = options;
  const secrets = options.secrets ?? new Scrubber();
  const agents: ProxyAgents = proxyAgents(options.env, options.agentFactory);

  const instance = got.extend({
    retry: { limit: 0 },
    throwHttpErrors: false,
    hooks: {
      beforeRequest: [
        (req) => {
          if (!log) return;
          const context = req.context as HookContext;
          const url = new URL(String(req.url));
          // A secret may sit anywhere a value goes (a query value, a header): scrub every line.
          log(`> ${req.method} ${secrets.scrub(context.display ? context.display(url) : url.toString())}`);
          const names = context.logged ?? Object.keys(req.headers);
          const shown = Object.fromEntries(names.map((k) => [k, req.headers[k]]));
          for (const [k, v] of Object.entries(redactHeaders(shown))) log(`> ${k}: ${secrets.scrub(v)}`);
          if (typeof req.body === 'string' && req.body !== '') log(`> ${redactBody(req.body, secrets)}`);
        },
      ],
      // The proxy is chosen per hop: a redirect to another host is judged again by
      // HTTPS_PROXY / HTTP_PROXY / NO_PROXY (a proxied host may send to an exempt one, or back).
      beforeRedirect: [
        (next) => {
          const chosen = agents.for(new URL(String(next.url)));
          next.agent = { http: chosen?.http, https: chosen?.https };
        },
      ],
      beforeError: [(error: RequestError) => typedError(error)],
    },
  });

  function typedError(error: RequestError): Error {
    // A CLI error raised inside a hook (a bad proxy setting met on a redirect) is reported as it is.
    if (error.cause instanceof CliError) return error.cause;
    const raw = error.options?.url;
    const url = raw ? new URL(String(raw)) : undefined;
    if (!url) return error;
    return networkError(error, url, options.timeoutMs, proxyFor(url, options.env));
  }

  async function open(url: URL, spec: SendSpec): Promise<Opened> {
    const headers = {
      authorization: options.authorization,
      'user-agent': options.userAgent,
      ...spec.headers,
    };
    const context: HookContext = { display: spec.display, logged: Object.keys(headers) };
    const started = performance.now();
    const stream = instance.stream(url, {
      method: spec.method,
      headers,
      body: spec.body,
      decompress: spec.decompress ?? true,
      followRedirect: spec.followRedirect ?? false,
      timeout: spec.timeout ?? { request: options.timeoutMs },
      agent: agents.for(url),
      signal: spec.signal,
      context: context as Record<string, unknown>,
    });
    const head = await new Promise<Response>((resolve, reject) => {
      stream.once('response', resolve);
      stream.once('error', reject);
    });
    if (log) {
      log(`< ${head.statusCode} ${head.statusMessage ?? ''} (${Math.round(performance.now() - started)} ms)`);
      const shown = redactHeaders(head.headers as Record<string, unknown>);
      for (const k of ['content-type', 'retry-after', 'date']) if (shown[k]) log(`< ${k}: ${shown[k]}`);
    }
    return { stream, head };
  }

  return {
    open,
    logBody(text, extra = '') {
      if (log && text) log(`< ${redactBody(text, secrets)}${extra}`);
    },
    close: () => agents.close(),
  };
}
