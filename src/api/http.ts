import { DEFAULT_MAX_RESPONSE_MB, readCapped } from '../http/body.js';
import { Scrubber } from '../http/redact.js';
import { retrying } from '../http/retry.js';
import { basicAuth, createTransport } from '../http/transport.js';
import { toApiError } from './errors.js';
import { streamList, type ListStream } from './http-stream.js';
import {
  LocalFailure,
  answered,
  judgeApi,
  pathFor,
  prepare,
  type HttpOptions,
  type RequestSpec,
} from './request.js';
import { interpret } from './response.js';

/** The authenticated EnableX HTTP client every api/ module uses. */
export interface Http {
  readonly baseUrl: URL;
  request<T = unknown>(spec: RequestSpec): Promise<T>;
  /** Ends the client's proxy connections (kept alive between requests); call when the run ends. */
  close?(): void;
  /** A GET whose answer holds one large list, read as a stream (see streamList). */
  streamList?: ListStream;
}

/** Creates the HTTP client: Basic auth, JSON, user agent, timeouts, retries, proxy, redacted log. */
export function createHttp(options: HttpOptions): Http {
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_MB * 1024 * 1024;
  const secrets = options.secrets ?? new Scrubber();
  secrets.addBasic(options.appId, options.appKey);
  secrets.add(options.appKey);
  const transport = createTransport({
    authorization: basicAuth(options.appId, options.appKey),
    userAgent: options.userAgent,
    timeoutMs: options.timeoutMs,
    env: options.env,
    log: options.log,
    secrets,
    agentFactory: options.agentFactory,
  });

  /** One exchange with the answer read whole, under the size cap. */
  async function attempt(spec: RequestSpec, url: URL, signal: AbortSignal | undefined) {
    const body = spec.json === undefined ? undefined : JSON.stringify(spec.json);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined || spec.method !== 'GET') headers['content-type'] = 'application/json';
    const { stream, head } = await transport.open(url, {
      method: spec.method,
      headers,
      // Without a body got would wait for one on a DELETE or PATCH stream.
      body: spec.method === 'GET' ? undefined : (body ?? ''),
      signal,
    });
    const limit = spec.maxResponseBytes ?? maxBytes;
    const declared = head.headers['content-encoding'] ? undefined : head.headers['content-length'];
    const text = await readCapped(stream, limit, `${spec.method} ${pathFor(spec)}`, declared);
    transport.logBody(text);
    try {
      spec.onResponse?.({ status: head.statusCode, headers: head.headers });
    } catch (err) {
      throw new LocalFailure(err, `${spec.method} ${pathFor(spec)}`);
    }
    return { statusCode: head.statusCode, headers: head.headers, body: text };
  }

  async function request<T>(spec: RequestSpec): Promise<T> {
    const prepared = prepare(options, spec);
    const { url, pathForMessages, signal } = prepared;
    return retrying(
      options,
      { method: spec.method, what: `${spec.method} ${pathForMessages}`, signal, stopped: prepared.stopped },
      async () => {
        const response = await attempt(spec, url, signal);
        const meaning = interpret(
          spec.method,
          pathForMessages,
          response.statusCode,
          response.body,
          (t, max) => secrets.cut(t, max),
        );
        if (meaning.ok) return meaning.body as T;
        throw answered(toApiError(meaning.failure, meaning.unreadable), response, meaning.unreadable);
      },
      (err) => judgeApi(err, url, options),
    );
  }

  return {
    baseUrl: options.baseUrl,
    request,
    close: () => transport.close(),
    streamList: (spec, key, handlers) => streamList(options, transport, secrets, spec, key, handlers),
  };
}
