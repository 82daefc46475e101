import { DEFAULT_MAX_RESPONSE_MB, ResponseTooLarge } from '../http/body.js';
import type { Scrubber } from '../http/redact.js';
import { retrying } from '../http/retry.js';
import type { Transport } from '../http/transport.js';
import { toApiError } from './errors.js';
import { answered, judgeApi, prepare, type HttpOptions, type RequestSpec } from './request.js';
import { JsonArraySplitter } from './json-array.js';
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
 * The streaming twin of createHttp's request(): the same transport (auth, timeout, proxy, redacted
 * log, errors) and the same retry loop, but the body is never one string. Items are parsed one at a time as the
 * bytes come in, with back-pressure (the socket is read no faster than `onItem` returns).
 */
export async function streamList(
  options: HttpOptions,
  transport: Transport,
  secrets: Scrubber,
  spec: RequestSpec,
  key: string,
  handlers: Parameters<ListStream>[2],
): Promise<unknown> {
  const prepared = prepare(options, spec);
  const { url, pathForMessages, signal } = prepared;
  // The list streams through in constant memory, but one element is held whole until it ends.
  const maxElement =
    spec.maxResponseBytes ?? options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_MB * 1024 * 1024;

  async function attempt(): Promise<Attempt> {
    const { stream, head } = await transport.open(url, {
      method: spec.method,
      headers: { accept: 'application/json' },
      signal,
    });
    const status = head.statusCode;
    spec.onResponse?.({ status, headers: head.headers });
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
    transport.logBody(text, items ? ` (${items} items of "${key}" streamed)` : '');
    return { status, headers: head.headers, text };
  }

  return retrying(
    options,
    { method: spec.method, what: `${spec.method} ${pathForMessages}`, signal, stopped: prepared.stopped },
    async () => {
      const { status, headers, text } = await attempt();
      const meaning = interpret(spec.method, pathForMessages, status, text, (t, max) => secrets.cut(t, max));
      if (meaning.ok) return meaning.body;
      throw answered(
        toApiError(meaning.failure, meaning.unreadable),
        { statusCode: status, headers },
        meaning.unreadable,
      );
    },
    (err) => {
      if (!(err instanceof UnreadableItem)) return judgeApi(err, url, options);
      const failure = {
        status: 200,
        method: spec.method,
        path: pathForMessages,
        result: undefined,
        // Scrubbed whole, then cut between graphemes and marked `…`, as a body that is not JSON is.
        apiMessage: secrets.cut(err.text, 120),
      };
      return { error: toApiError(failure, true), status: 200, unreadable: true };
    },
  );
}

/**
 * An element of the list that is not JSON: the answer is unreadable, like a body that does not
 * parse. It holds the element on one line, uncut: it is scrubbed before it is cut for the message.
 */
class UnreadableItem extends Error {
  constructor(readonly text: string) {
    super('a list element is not JSON');
  }
}

function parseItem(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UnreadableItem(text.replace(/\s+/g, ' ').trim());
  }
}
