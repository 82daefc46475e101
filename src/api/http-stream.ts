import got from 'got';
import { CliError } from '../errors.js';
import { DEFAULT_MAX_RESPONSE_MB, ResponseTooLarge } from './body.js';
import { toApiError } from './errors.js';
import {
  NOT_SENT,
  TRANSIENT,
  backoffMs,
  prepare,
  retryAfterMs,
  type HttpOptions,
  type ProxyAgents,
  type RequestSpec,
} from './http.js';
import { JsonArraySplitter } from './json-array.js';
import { networkError } from './network-error.js';
import { proxyFor } from './proxy.js';
import { redactBody, redactHeaders } from './redact.js';
import { interpret } from './response.js';

/** The most of an error answer read (a list answer that failed is small; a proxy's page may not be). */
const MAX_ERROR_BODY = 1024 * 1024;

/**
 * Sends a GET whose answer is an object holding one large list under `key` and hands each element
 * of that list to `onItem` as it arrives, parsed; resolves with the rest of the answer (the list
 * left empty) once it is complete and means success. `onItem` is called again from the start on a
 * retry: `onAttempt` tells the caller to forget what the failed attempt gave.
 */
export type ListStream = (
  spec: RequestSpec,
  key: string,
  handlers: { onItem: (item: unknown) => void | Promise<void>; onAttempt: () => void | Promise<void> },
) => Promise<unknown>;

/** One attempt: status, headers, and the body's text (the envelope for a success). */
interface Attempt {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * The streaming twin of createHttp's request(): the same auth, timeout, proxy, redacted log,
 * retries and errors, but the body is never one string. Items are parsed one at a time as the
 * bytes come in, with back-pressure (the socket is read no faster than `onItem` returns).
 */
export async function streamList(
  options: HttpOptions,
  agents: ProxyAgents,
  auth: string,
  spec: RequestSpec,
  key: string,
  handlers: Parameters<ListStream>[2],
): Promise<unknown> {
  const { url, pathForMessages, idempotent, signal, stopped } = prepare(options, spec);
  // The list streams through in constant memory, but one element is held whole until it ends.
  const maxElement =
    spec.maxResponseBytes ?? options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_MB * 1024 * 1024;
  const log = options.log;
  const random = options.random ?? Math.random;

  async function attempt(): Promise<Attempt> {
    const headers = { authorization: auth, accept: 'application/json', 'user-agent': options.userAgent };
    if (log) {
      log(`> ${spec.method} ${url.toString()}`);
      for (const [k, v] of Object.entries(redactHeaders(headers))) log(`> ${k}: ${v}`);
    }
    const started = performance.now();
    const stream = got.stream(url, {
      method: spec.method,
      headers,
      throwHttpErrors: false,
      followRedirect: false,
      retry: { limit: 0 },
      timeout: { request: options.timeoutMs },
      agent: agents.for(url),
      signal,
    });
    const response = await new Promise<{ statusCode: number; headers: Attempt['headers'] }>(
      (resolve, reject) => {
        stream.once('response', resolve);
        stream.once('error', reject);
      },
    );
    const status = response.statusCode;
    spec.onResponse?.({ status, headers: response.headers });
    let text: string;
    let items = 0;
    if (status >= 200 && status < 300) {
      await handlers.onAttempt();
      const pending: string[] = [];
      const splitter = new JsonArraySplitter(key, (element) => pending.push(element));
      let sinceItem = 0;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        splitter.write(chunk);
        sinceItem = pending.length > 0 ? 0 : sinceItem + chunk.length;
        if (sinceItem > maxElement) {
          stream.destroy();
          throw new ResponseTooLarge(`${spec.method} ${pathForMessages}`, maxElement);
        }
        // Parsed and handed on before the next bytes are read: memory holds one network chunk.
        for (const element of pending) {
          const busy = handlers.onItem(parseItem(element));
          if (busy) await busy;
          items++;
        }
        pending.length = 0;
      }
      text = splitter.end();
    } else {
      const parts: Buffer[] = [];
      let size = 0;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        if (size < MAX_ERROR_BODY) parts.push(chunk);
        size += chunk.length;
      }
      text = Buffer.concat(parts).toString('utf8').slice(0, MAX_ERROR_BODY);
    }
    if (log) {
      const ms = Math.round(performance.now() - started);
      log(`< ${status} (${ms} ms)`);
      const shown = redactHeaders(response.headers as Record<string, unknown>);
      for (const k of ['content-type', 'retry-after', 'date']) if (shown[k]) log(`< ${k}: ${shown[k]}`);
      if (text) log(`< ${redactBody(text)}${items ? ` (${items} items of "${key}" streamed)` : ''}`);
    }
    return { status, headers: response.headers, text };
  }

  for (let n = 0; ; n++) {
    if (signal?.aborted) throw stopped();
    const last = n >= options.retries;
    let waitMs: number;
    let failure: Error;
    try {
      const { status, headers, text } = await attempt();
      const meaning = interpret(spec.method, pathForMessages, status, text);
      if (meaning.ok) return meaning.body;
      failure = toApiError(meaning.failure, meaning.unreadable);
      const retryable = status === 429 || (idempotent && (status >= 500 || meaning.unreadable));
      if (!retryable || last) throw failure;
      waitMs = retryAfterMs(headers['retry-after'] as string | undefined) ?? backoffMs(n, random);
    } catch (err) {
      if (err instanceof UnreadableItem) {
        failure = toApiError(
          {
            status: 200,
            method: spec.method,
            path: pathForMessages,
            result: undefined,
            apiMessage: err.snippet,
          },
          true,
        );
        if (!idempotent || last) throw failure;
        waitMs = backoffMs(n, random);
      } else {
        if (err instanceof CliError) throw err;
        if (signal?.aborted) throw stopped();
        const code = (err as { code?: string }).code ?? '';
        failure = networkError(err, url, options.timeoutMs, proxyFor(url, options.env));
        if (!TRANSIENT.has(code) || !(idempotent || NOT_SENT.has(code)) || last) throw failure;
        waitMs = backoffMs(n, random);
      }
    }
    log?.(`! retrying in ${waitMs} ms (attempt ${n + 2} of ${options.retries + 1}): ${failure.message}`);
    try {
      await options.sleep(waitMs, signal);
    } catch {
      throw stopped();
    }
  }
}

/** An element of the list that is not JSON: the answer is unreadable, like a body that does not parse. */
class UnreadableItem extends Error {
  constructor(readonly snippet: string) {
    super(snippet);
  }
}

function parseItem(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UnreadableItem(text.replace(/\s+/g, ' ').trim().slice(0, 120));
  }
}
