import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTransport } from '../../src/http/transport.js';
import { countingAgents } from '../helpers/agents.js';

// Real loopback servers, without nock: which agent (proxy or direct) each hop takes is under test.
const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
  }
});

/** A server recording the request targets it received; returns its origin. */
async function serve(
  seen: string[],
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<string> {
  const server = createServer((req, res) => {
    seen.push(req.url ?? '');
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const PROXIED = 'http://files.proxied.test';

/**
 * A CONNECT proxy stub (hpagent tunnels http too) in front of the made-up host files.proxied.test,
 * which no resolver knows: only a request through the proxy reaches it. It records every tunnel
 * asked for, and opens any (so a hop sent to it by mistake still works, and only the record shows it).
 */
async function setup() {
  const tunnels: string[] = [];
  const proxiedHost: string[] = [];
  const direct: string[] = [];
  let directOrigin = '';
  const hidden = new URL(
    await serve(proxiedHost, (req, res) => {
      if (req.url === '/to-direct') res.writeHead(302, { location: `${directOrigin}/file` }).end();
      else res.end('through the proxy');
    }),
  );
  directOrigin = await serve(direct, (req, res) => {
    if (req.url === '/to-proxied') res.writeHead(302, { location: `${PROXIED}/file` }).end();
    else res.end('direct');
  });
  const proxy = createServer((_req, res) => res.writeHead(405).end());
  servers.push(proxy);
  proxy.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    tunnels.push(target);
    const [host, port] =
      target === 'files.proxied.test:80' ? [hidden.hostname, hidden.port] : target.split(':');
    const upstream = connect(Number(port), host ?? '', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const agents = countingAgents();
  const transport = createTransport({
    authorization: 'Basic eA==',
    userAgent: 'test',
    timeoutMs: 2000,
    env: { HTTP_PROXY: proxyUrl, NO_PROXY: 'localhost' },
    agentFactory: agents.factory,
  });
  const fetchText = async (url: string) => {
    const { stream, head } = await transport.open(new URL(url), {
      method: 'GET',
      headers: {},
      followRedirect: () => true,
    });
    let text = '';
    for await (const chunk of stream as AsyncIterable<Buffer>) text += chunk.toString();
    return { status: head.statusCode, text };
  };
  return { tunnels, proxiedHost, direct, directOrigin, agents, transport, fetchText };
}

describe('the proxy is chosen again after a redirect', () => {
  it('from a proxied host to a host the proxy rules exempt: the second hop goes direct', async () => {
    const { tunnels, proxiedHost, direct, agents, transport, fetchText } = await setup();
    await expect(fetchText(`${PROXIED}/to-direct`)).resolves.toEqual({ status: 200, text: 'direct' });
    expect(proxiedHost).toEqual(['/to-direct']);
    expect(direct).toEqual(['/file']);
    expect(tunnels).toEqual(['files.proxied.test:80']);
    transport.close();
    expect(agents.destroyed).toEqual(agents.built);
  });

  it('from a direct host to a proxied one: the second hop goes through the proxy', async () => {
    const { tunnels, proxiedHost, direct, directOrigin, fetchText, transport } = await setup();
    await expect(fetchText(`${directOrigin}/to-proxied`)).resolves.toEqual({
      status: 200,
      text: 'through the proxy',
    });
    expect(direct).toEqual(['/to-proxied']);
    expect(proxiedHost).toEqual(['/file']);
    expect(tunnels).toEqual(['files.proxied.test:80']);
    transport.close();
  });

  it('a proxy setting that is no http(s) URL, met only on a redirect, is the configuration error it is', async () => {
    const seen: string[] = [];
    const origin = await serve(seen, (_req, res) =>
      res.writeHead(302, { location: `${PROXIED}/file` }).end(),
    );
    const transport = createTransport({
      authorization: 'Basic eA==',
      userAgent: 'test',
      timeoutMs: 2000,
      env: { HTTP_PROXY: 'socks5://127.0.0.1:1080' },
    });
    const failure = await transport
      .open(new URL(`${origin}/start`), { method: 'GET', headers: {}, followRedirect: () => true })
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({
      exitCode: 3,
      message: expect.stringContaining('the proxy setting HTTP_PROXY (or ALL_PROXY) is not an http(s) URL'),
    });
    transport.close();
  });
});
