import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import { HttpProxyAgent, HttpsProxyAgent } from 'hpagent';
import type { Env } from '../context.js';
import { AuthError } from '../lib/errors.js';
import { isLoopbackHost, maskUserinfo } from './hosts.js';

/** Reads an env var in either case, lower case first as curl does. */
function envVar(env: Env, name: string): string | undefined {
  const v = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return v && v.trim() !== '' ? v.trim() : undefined;
}

/**
 * True when NO_PROXY (comma list of hosts, `.suffix`, `*`, optional :port) exempts the URL.
 * @internal Exported for its table test: the rule itself is what the test checks.
 */
export function bypassesProxy(url: URL, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return noProxy
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((entry) => {
      if (entry === '*') return true;
      const [rawHost, p] = entry.toLowerCase().split(/:(?=\d+$)/);
      const h = (rawHost ?? '').replace(/^\*?\./, '.');
      if (p && p !== port) return false;
      if (h.startsWith('.')) return host.endsWith(h) || host === h.slice(1);
      return host === h || host.endsWith(`.${h}`);
    });
}

/**
 * The proxy URL that applies to a request URL, from HTTPS_PROXY / HTTP_PROXY / NO_PROXY. Loopback
 * is never proxied: a proxy cannot reach this machine's 127.0.0.1 (the emulator, local tests).
 */
export function proxyFor(url: URL, env: Env): string | undefined {
  if (isLoopbackHost(url.hostname) || bypassesProxy(url, envVar(env, 'no_proxy'))) return undefined;
  if (url.protocol === 'https:') return envVar(env, 'https_proxy') ?? envVar(env, 'all_proxy');
  return envVar(env, 'http_proxy') ?? envVar(env, 'all_proxy');
}

/**
 * Shows a proxy URL without its credentials, for logs and `doctor`. The user name is masked too:
 * a token often sits there (`http://TOKEN@proxy:3128`).
 */
export function describeProxy(proxy: string): string {
  try {
    const u = new URL(proxy);
    if (u.username || u.password) {
      u.username = '***';
      u.password = '***';
    }
    // `user:pass@host` without a scheme parses with `user:` as the scheme: mask it as text.
    return proxy.includes('://') ? u.toString() : maskUserinfo(proxy);
  } catch {
    return proxy.includes('@') ? '(unparseable proxy URL with credentials)' : '(unparseable proxy URL)';
  }
}

/** got's `agent` option: the agent for each protocol a request may use. */
export interface Agents {
  http?: HttpAgent;
  https?: HttpsAgent;
}

/** What a proxy agent is built from: the proxy URL and keep-alive settings of hpagent. */
export type ProxyAgentOptions = ConstructorParameters<typeof HttpProxyAgent>[0];

/** Builds the agent for one proxy and protocol (tests pass their own to count what is built). */
export type AgentFactory = (protocol: 'http:' | 'https:', options: ProxyAgentOptions) => Agents;

/**
 * The real agents: hpagent's, tunnelling HTTPS through CONNECT.
 * @internal Exported for test/helpers/agents.ts, which wraps it to count the agents a run creates.
 */
export const hpagentFactory: AgentFactory = (protocol, options) =>
  protocol === 'https:' ? { https: new HttpsProxyAgent(options) } : { http: new HttpProxyAgent(options) };

/** got's `agent` option for a URL: a proxy agent when a proxy applies, otherwise none. */
function agentsFor(url: URL, env: Env, factory: AgentFactory = hpagentFactory): Agents | undefined {
  const proxy = proxyFor(url, env);
  if (!proxy) return undefined;
  checkProxyUrl(proxy, url);
  const options = { proxy, keepAlive: true, keepAliveMsecs: 1000, maxSockets: 16, maxFreeSockets: 4 };
  return factory(url.protocol === 'https:' ? 'https:' : 'http:', options);
}

/** Proxy agents shared by the requests of one client, so keep-alive tunnels are reused. */
export interface ProxyAgents {
  /** The agents for a request URL (undefined when no proxy applies), built once per proxy and protocol. */
  for(url: URL): Agents | undefined;
  /** Destroys every agent built, closing its sockets. */
  close(): void;
}

/**
 * One proxy agent per proxy URL and protocol, built on first use. An agent per request would open a
 * new tunnel every time and leave its idle keep-alive sockets behind.
 */
export function proxyAgents(env: Env, factory: AgentFactory = hpagentFactory): ProxyAgents {
  const cache = new Map<string, Agents>();
  return {
    for(url) {
      const proxy = proxyFor(url, env);
      if (!proxy) return undefined;
      const key = `${url.protocol} ${proxy}`;
      let agents = cache.get(key);
      if (!agents) {
        agents = agentsFor(url, env, factory);
        if (!agents) return undefined;
        cache.set(key, agents);
      }
      return agents;
    },
    close() {
      for (const agents of cache.values()) {
        agents.http?.destroy();
        agents.https?.destroy();
      }
      cache.clear();
    },
  };
}

/** A proxy setting that is not an http(s) URL is a configuration error (exit 3), not a network one. */
function checkProxyUrl(proxy: string, url: URL): void {
  let ok = false;
  try {
    ok = ['http:', 'https:'].includes(new URL(proxy).protocol);
  } catch {
    ok = false;
  }
  if (!ok) {
    const name = url.protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY';
    throw new AuthError(
      `the proxy setting ${name} (or ALL_PROXY) is not an http(s) URL: ${describeProxy(proxy)}.`,
      `Set it to http://host:port, exempt the host with NO_PROXY, or unset it (\`enablex doctor\` checks it).`,
    );
  }
}
