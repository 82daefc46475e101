import type { ServerResponse } from 'node:http';
import { EmulatorError } from './errors.js';

/** Where a streamed reply writes; `write` resolves when the socket can take more (backpressure). */
export interface Sink {
  write(chunk: string | Buffer): Promise<void>;
  /** True once the client went away: producers stop early. */
  readonly closed: boolean;
}

/** Response headers, lower-case names. */
export type Headers = Record<string, string>;

/**
 * What a handler answers. Handlers return data instead of writing to the socket, so the server
 * core can log, delay, or damage the response (fault injection) in one place.
 */
export type Reply =
  | { status: number; headers: Headers; body: string | Buffer }
  | { status: number; headers: Headers; stream: (sink: Sink) => Promise<void> };

/** A JSON reply. */
export function json(status: number, value: unknown, headers: Headers = {}): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(value),
  };
}

/** The reply for an emulator error. */
export function errorReply(err: EmulatorError): Reply {
  return json(err.status, err.body(), { ...err.headers });
}

/** A plain-text reply. */
export function text(status: number, body: string, headers: Headers = {}): Reply {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body };
}

/** Collects a reply's whole body (for faults that need its length). */
async function materialize(reply: Reply): Promise<Buffer> {
  if ('body' in reply) return Buffer.from(reply.body);
  const parts: Buffer[] = [];
  await reply.stream({ write: async (c) => void parts.push(Buffer.from(c)), closed: false });
  return Buffer.concat(parts);
}

/** A sink over a live response that waits for 'drain' when the socket buffer is full. */
function sinkFor(res: ServerResponse): Sink {
  let closed = false;
  res.once('close', () => (closed = true));
  return {
    get closed() {
      return closed || res.destroyed;
    },
    async write(chunk) {
      if (closed || res.destroyed) return;
      if (res.write(chunk)) return;
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    },
  };
}

/** Writes a reply; HEAD gets the headers only. Streams go out chunked, with backpressure. */
export async function send(res: ServerResponse, reply: Reply, head = false): Promise<void> {
  if ('body' in reply) {
    const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
    res.writeHead(reply.status, { ...reply.headers, 'content-length': String(body.length) });
    res.end(head ? undefined : body);
    return;
  }
  res.writeHead(reply.status, reply.headers);
  if (head) {
    res.end();
    return;
  }
  const sink = sinkFor(res);
  await reply.stream(sink);
  if (!sink.closed) res.end();
}

/** Sends `half` of the body under a Content-Length for all of it, then cuts the connection. */
export async function sendTruncated(res: ServerResponse, reply: Reply): Promise<void> {
  const body = await materialize(reply);
  const cut = Math.floor(body.length / 2);
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(body.length) });
  res.write(body.subarray(0, cut), () => res.socket?.destroy());
}

/** Turns anything thrown by a handler into a reply. */
export function replyForError(err: unknown): Reply {
  if (err instanceof EmulatorError) return errorReply(err);
  const message = err instanceof Error ? err.message : String(err);
  return errorReply(new EmulatorError(500, '50000', `Internal error: ${message}`));
}
