import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { apiRoutes } from './api.js';
import { API_PREFIXES, CONTROL_PREFIX, FILES_PREFIX, LEGACY_CONTROL_PREFIX } from './paths.js';
import { applicationNotFound, EmulatorError, EMULATOR_CODES } from './errors.js';
import { hasCredentials } from './auth.js';
import { hostChecker, hostName } from './host-check.js';
import { controlRoutes } from './control.js';
import type { Core } from './core.js';
import { fileReply } from './files.js';
import { incoming, originOf } from './request.js';
import { errorReply, json, replyForError, send, sendTruncated, text, type Reply } from './reply.js';
import { match, segmentsOf, type Incoming, type Route } from './router.js';

/** How long close() lets requests in flight finish before cutting them. */
const CLOSE_GRACE_MS = 1_500;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function dispatch(routes: readonly Route[], req: Incoming, segments: string[]): Promise<Reply> {
  const m = match(routes, req.method, segments);
  if (!m) throw new EmulatorError(404, undefined, `No such route: ${req.method} ${req.path}`);
  if ('allowed' in m) {
    const err = new EmulatorError(405, undefined, `Method not allowed: ${req.method} ${req.path}`, true, {
      allow: m.allowed.join(', '),
    });
    return errorReply(err);
  }
  return m.route.handle({ ...req, params: m.params, rest: m.rest });
}

/** Where a path goes: the API, control routes, archive files, or nowhere. */
function classify(path: string): {
  area: 'api' | 'control' | 'files' | 'none';
  segments: string[] | undefined;
  /** The path relative to the API base (`/rooms`), as users write it; the full path elsewhere. */
  userPath: string;
} {
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  const api = API_PREFIXES.find(under);
  if (api) {
    const rest = path.slice(api.length) || '/';
    return { area: 'api', segments: segmentsOf(path.slice(api.length)), userPath: rest };
  }
  const control = [CONTROL_PREFIX, LEGACY_CONTROL_PREFIX].find(under);
  if (control) return { area: 'control', segments: segmentsOf(path.slice(control.length)), userPath: path };
  if (under(FILES_PREFIX)) return { area: 'files', segments: segmentsOf(path), userPath: path };
  return { area: 'none', segments: [], userPath: path };
}

/** Starts the HTTP server; `close` cuts idle and hung connections at once and lets answers being written finish (1.5 s at most). */
export async function listen(
  core: Core,
  host: string,
  port: number,
  log?: (line: string) => void,
  allowHosts?: readonly string[] | true,
): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const hostAllowed = hostChecker(host, allowHosts);
  const api = apiRoutes(core);
  const control = controlRoutes(core);
  const sockets = new Set<Socket>();
  let fallbackOrigin = 'http://127.0.0.1';
  const { appId, appKey, recordingUser, recordingPassword } = core.credentials;

  /** Responses being written; close() lets only these finish, and cuts every other connection. */
  const active = new Set<ServerResponse>();

  /** Answers one request; `meta.fault` records the injected fault for the log line. */
  async function handle(req: IncomingMessage, res: ServerResponse, meta: { fault?: string }): Promise<void> {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const { area, segments, userPath } = classify(path);
    // The Date header tells the emulator's time (clock control route included), as doctor expects.
    res.setHeader('date', (await core.now()).toUTCString());
    const reqView = incoming(req, path, originOf(req, fallbackOrigin));
    const head = method === 'HEAD';
    if (!hostAllowed(req.headers.host)) {
      const name = hostName(req.headers.host ?? '');
      const err = new EmulatorError(
        403,
        undefined,
        `Host "${name}" is not allowed: this emulator answers loopback names and its own addresses. ` +
          `If you mean to reach it as "${name}", restart it with --allow-host ${name}.`,
        false,
      );
      await send(res, errorReply(err), head);
      return;
    }
    if (area === 'none' || area === 'control' || segments === undefined) {
      let reply: Reply;
      try {
        if (segments === undefined) throw new EmulatorError(400, undefined, 'Malformed path');
        if (area === 'none') throw new EmulatorError(404, undefined, `No such route: ${method} ${path}`);
        if (!hasCredentials(req, appId, appKey)) throw applicationNotFound();
        reply = await dispatch(control, reqView, segments);
      } catch (err) {
        reply = replyForError(err);
      }
      await send(res, reply, head);
      return;
    }
    const decision = core.faults.decide(method, userPath, path);
    if (decision.latencyMs > 0) await pause(decision.latencyMs);
    meta.fault = decision.kind;
    if (decision.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (decision.kind === 'hang') {
      active.delete(res);
      return;
    }
    if (decision.kind === 'fail' || decision.kind === 'non-json') {
      await send(res, core.faults.reply(decision.kind), head);
      return;
    }
    let reply: Reply;
    try {
      if (area === 'files' && method !== 'GET' && !head) {
        reply = text(405, 'Method not allowed\n', { allow: 'GET, HEAD' });
      } else if (area === 'files') {
        reply = hasCredentials(req, recordingUser, recordingPassword)
          ? fileReply((await core.view()).state, path, req.headers)
          : text(403, 'Forbidden\n');
      } else {
        if (!hasCredentials(req, appId, appKey)) throw applicationNotFound();
        reply = await dispatch(api, reqView, segments);
      }
    } catch (err) {
      reply = replyForError(err);
    }
    if (decision.kind === 'truncate') await sendTruncated(res, reply);
    else await send(res, reply, head);
  }

  const server = createServer((req, res) => {
    res.sendDate = false;
    const started = performance.now();
    const meta: { fault?: string } = {};
    active.add(res);
    res.once('close', () => {
      active.delete(res);
      const fault = meta.fault;
      const status = fault === 'reset' || fault === 'hang' ? '-' : String(res.statusCode);
      const ms = Math.round(performance.now() - started);
      log?.(`${req.method} ${req.url} ${status} ${ms}ms${fault ? ` [fault: ${fault}]` : ''}`);
    });
    handle(req, res, meta).catch((err: unknown) => {
      if (!res.headersSent)
        void send(res, json(500, new EmulatorError(500, EMULATOR_CODES.internal, String(err)).body()));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  fallbackOrigin = `http://${displayHost(host)}:${boundPort}`;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      const cut = setTimeout(() => {
        server.closeAllConnections();
        for (const s of sockets) s.destroy();
      }, CLOSE_GRACE_MS);
      server.close(() => {
        clearTimeout(cut);
        resolve();
      });
      server.closeIdleConnections();
      const busy = new Set([...active].map((res) => res.socket));
      for (const socket of sockets) if (!busy.has(socket)) socket.destroy();
    }));
  return { server, port: boundPort, close };
}

/** The host to put in URLs: a wildcard address becomes loopback, IPv6 gets brackets. */
export function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
