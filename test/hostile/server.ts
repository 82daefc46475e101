import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';
import { afterAll } from 'vitest';

/**
 * One attack per mode. Every mode answers every path the same way, except `archive`, which lists
 * files on `fileOrigin` and serves them.
 */
type HostileMode =
  /** A normal, small JSON answer: the harmless target, and the server that counts stray requests. */
  | 'ok'
  /** gzip of endless zeros: a few hundred kB on the wire, hundreds of MB once decompressed. */
  | 'gzip-bomb'
  /** A JSON-looking body that never ends, written as fast as the client reads it. */
  | 'endless'
  /** Headers at once, then one byte every 200 ms, forever. */
  | 'slow-drip'
  /** Accepts the connection and never says a word. */
  | 'silent'
  /** A 502 page quoting the request's Authorization header and the key, and a non-JSON dial-in. */
  | 'echo-secrets'
  /** A 400 JSON answer quoting the app key in its message (JSON-escaped, as any JSON writer does). */
  | 'echo-json'
  /** A 502 text page of 110 `A`s, then the app key, 67 `B`s, then its base64: cut at 120 characters the key is cut; with the key redacted, a cut at 200 lands in the base64. */
  | 'echo-long'
  /** 302 to another origin. */
  | 'redirect'
  /** JSON nested 50 000 levels deep. */
  | 'deep-json'
  /** 429 with a long Retry-After the first time, then a normal answer. */
  | 'retry-after'
  /** An archive listing whose files live on `fileOrigin` (another host). */
  | 'archive';

/** One request the server saw. */
interface Hit {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** Options of one hostile server. */
interface HostileOptions {
  /** Secrets the echo mode quotes back (the app key; the Authorization header is quoted as sent). */
  appKey?: string;
  /** Where `archive` says the files are (an origin, e.g. http://127.0.0.2:1234). */
  fileOrigin?: string;
  /** Seconds `retry-after` asks for. */
  retryAfter?: string;
  /** The loopback address to listen on: 127.0.0.2 is another host to the CLI, still this machine. */
  listen?: string;
}

/** A running hostile server. */
interface Hostile {
  /** `http://127.0.0.1:<port>/video/v2` */
  baseUrl: string;
  origin: string;
  /** Every request received, in order. */
  hits: Hit[];
  close(): Promise<void>;
}

const CONF = '1234567';
const ROOM = '5f3b2c1a9d8e7f6a5b4c3d2e';

/** The archive listing of `archive` mode: one session, two recordings on the file origin. */
function archiveListing(fileOrigin: string): unknown {
  return {
    result: '0',
    archive: [
      {
        trans_date: '2026-11-20 10:00:00',
        room_id: ROOM,
        conf_num: CONF,
        recording: [{ url: `${fileOrigin}/rec/a.mp4` }, { url: `${fileOrigin}/rec/b.mp4` }],
      },
    ],
  };
}

/** Writes `chunk` until the client goes away (or `max` bytes), respecting backpressure. */
function writeForever(
  res: NodeJS.WritableStream & { destroyed?: boolean },
  chunk: Buffer,
  max: number,
): void {
  let sent = 0;
  const pump = () => {
    while (sent < max && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Starts a hostile server on loopback in `mode`; closed after the test file. */
export async function startHostile(mode: HostileMode, options: HostileOptions = {}): Promise<Hostile> {
  const hits: Hit[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let retried = false;
  const server: Server = createServer((req, res) => {
    hits.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const path = req.url ?? '/';
    if (mode === 'archive' && path.startsWith('/rec/')) {
      res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': '4' });
      return void res.end('mp4!');
    }
    switch (mode) {
      case 'ok':
        return json(res, 200, { result: 0, rooms: [] });
      case 'gzip-bomb': {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        const gzip = createGzip({ level: 1 });
        gzip.pipe(res);
        res.on('close', () => gzip.destroy());
        return writeForever(gzip, Buffer.alloc(1024 * 1024, 0x20), 1024 * 1024 * 1024);
      }
      case 'endless':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('[');
        return writeForever(res, Buffer.from('{"room_id":"x","name":"y"},'.repeat(2000)), 4 * 1024 ** 3);
      case 'slow-drip': {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{');
        const timer = setInterval(() => res.write(' '), 200);
        timers.add(timer);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case 'silent':
        return;
      case 'echo-secrets': {
        const auth = req.headers.authorization ?? '';
        if (path.includes('/dialin')) {
          // Not JSON (a missing comma), like the route page's sample: quoted back in the error.
          res.writeHead(200, { 'content-type': 'application/json' });
          return void res.end(
            `{"app_key": "${options.appKey}" "sip": {"username": "sipuser", "password": "SipPassw0rdEcho"}}`,
          );
        }
        res.writeHead(502, { 'content-type': 'text/html' });
        return void res.end(
          `<html><h1>502 Bad Gateway</h1><p>upstream rejected Authorization: ${auth} ` +
            `(app key ${options.appKey}, base64 ${Buffer.from(options.appKey ?? '').toString('base64')})</p></html>`,
        );
      }
      case 'echo-json':
        return json(res, 400, { result: '400', error: `you sent ${options.appKey ?? ''}` });
      case 'echo-long': {
        const key = options.appKey ?? '';
        const b64 = Buffer.from(key).toString('base64');
        res.writeHead(502, { 'content-type': 'text/plain' });
        return void res.end(`${'A'.repeat(110)}${key} ${'B'.repeat(67)}b64=${b64} end`);
      }
      case 'redirect':
        res.writeHead(302, { location: `${options.fileOrigin ?? 'http://127.0.0.2:9'}/stolen` });
        return void res.end();
      case 'deep-json':
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end('['.repeat(50_000) + ']'.repeat(50_000));
      case 'retry-after':
        if (!retried) {
          retried = true;
          return json(
            res,
            429,
            { result: '429', error: 'slow down' },
            { 'retry-after': options.retryAfter ?? '4' },
          );
        }
        return json(res, 200, { result: 0, rooms: [] });
      case 'archive':
        return json(res, 200, archiveListing(options.fileOrigin ?? 'http://127.0.0.2:9'));
    }
  });
  const address = options.listen ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${address}:${port}`;
  const close = async () => {
    for (const t of timers) clearInterval(t);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  afterAll(close);
  return { baseUrl: `${origin}/video/v2`, origin, hits, close };
}

/** The session folder `archive download` makes for the listing of `archive` mode. */
export const ARCHIVE_FOLDER = `2026-11-20_${ROOM}_${CONF}`;
/** The conference number of the listing. */
export const ARCHIVE_CONF = CONF;
