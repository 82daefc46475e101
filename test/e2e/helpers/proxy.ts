import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  createServer,
  request,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:https';
import { connect, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { tempDir } from '../../helpers/temp.js';

/** One request a test server saw: a forwarded one (`GET http://…`) or a tunnel (`CONNECT host:port`). */
export interface Seen {
  method: string;
  target: string;
  headers: IncomingHttpHeaders;
}

/** A server on loopback that records what reached it. */
export interface SeenServer {
  port: number;
  seen: Seen[];
}

/** Waits for a server to listen on a loopback port, and closes it after the file's tests. */
async function listen(server: Server | TlsServer): Promise<number> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((done) => server.close(() => done()));
  });
  return (server.address() as AddressInfo).port;
}

/**
 * Relays a request to `127.0.0.1:port` with the Host header pointed there (the emulator refuses
 * names it does not serve), minus any Proxy-Authorization, and pipes the answer back.
 */
function relay(req: IncomingMessage, res: ServerResponse, port: number, path: string): void {
  const headers: IncomingHttpHeaders = { ...req.headers, host: `127.0.0.1:${port}` };
  delete headers['proxy-authorization'];
  delete headers['proxy-connection'];
  const out = request({ host: '127.0.0.1', port, method: req.method, path, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  out.on('error', () => res.writeHead(502).end());
  req.pipe(out);
}

/**
 * A tiny forward proxy: plain requests in absolute form (`GET http://host:port/…`) and CONNECT
 * tunnels. Every host name is taken to mean this machine, so a test can use a name the CLI does
 * not treat as loopback (it never proxies 127.0.0.1 or localhost) and still reach a local server.
 */
export async function startProxy(): Promise<SeenServer> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', target: req.url ?? '', headers: req.headers });
    const url = new URL(req.url ?? '/');
    relay(req, res, Number(url.port || 80), `${url.pathname}${url.search}`);
  });
  server.on('connect', (req: IncomingMessage, client, head: Buffer) => {
    seen.push({ method: 'CONNECT', target: req.url ?? '', headers: req.headers });
    const port = Number((req.url ?? '').split(':').pop());
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  return { port: await listen(server), seen };
}

/** A self-signed certificate for `host`, made with openssl in a temporary folder. */
export function selfSignedCert(host: string): { key: string; cert: string; certFile: string } {
  const dir = tempDir('tls');
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${host}`].concat([
      '-addext',
      `subjectAltName=DNS:${host}`,
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ]),
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile };
}

/** An HTTPS front on loopback with the given certificate, relaying every request to `127.0.0.1:port`. */
export async function startTlsFront(tls: { key: string; cert: string }, port: number): Promise<SeenServer> {
  const seen: Seen[] = [];
  const server = createTlsServer(tls, (req, res) => {
    seen.push({ method: req.method ?? '', target: req.url ?? '', headers: req.headers });
    relay(req, res, port, req.url ?? '/');
  });
  return { port: await listen(server), seen };
}
