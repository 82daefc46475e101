import type { IncomingMessage } from 'node:http';
import { EMULATOR_CODES, EmulatorError } from './errors.js';
import type { Json } from './json.js';
import type { Incoming } from './router.js';

const MAX_BODY = 1_048_576;

/** Reads a request body (at most 1 MiB). */
async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new EmulatorError(413, EMULATOR_CODES.badJson, 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The origin a client used (from Host), for file URLs that work from where it stands. */
export function originOf(req: IncomingMessage, fallback: string): string {
  const host = req.headers.host;
  return host && /^[A-Za-z0-9.\-[\]:]+$/.test(host) ? `http://${host}` : fallback;
}

/** The handler's view of a request; the body is read and parsed on first use. */
export function incoming(req: IncomingMessage, path: string, origin: string): Incoming {
  let parsed: Promise<Json | undefined> | undefined;
  return {
    method: req.method ?? 'GET',
    path,
    params: {},
    rest: [],
    headers: req.headers,
    origin,
    client: { ip: req.socket.remoteAddress ?? '127.0.0.1', agent: String(req.headers['user-agent'] ?? '') },
    body() {
      parsed ??= readBody(req).then((buf) => {
        const raw = buf.toString('utf8');
        if (raw.trim() === '') return undefined;
        try {
          return JSON.parse(raw) as Json;
        } catch {
          throw new EmulatorError(400, EMULATOR_CODES.badJson, 'The body is not valid JSON');
        }
      });
      return parsed;
    },
  };
}
