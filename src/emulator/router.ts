import type { IncomingHttpHeaders } from 'node:http';
import type { Json } from './json.js';
import type { Reply } from './reply.js';

/** One request as handlers see it. */
export interface Incoming {
  method: string;
  /** Full path, without the query string. */
  path: string;
  /** Named `:params` of the route, and `rest` for a trailing `*`. */
  params: Record<string, string>;
  rest: string[];
  headers: IncomingHttpHeaders;
  /** Scheme, host and port the client used, for absolute URLs in answers. */
  origin: string;
  /** The parsed JSON body (undefined when empty); a malformed one throws 10001. */
  body(): Promise<Json | undefined>;
  client: { ip: string; agent: string };
}

/** A route: method, pattern (`rooms/:id/tokens`, `cdr/*`) and handler. */
export interface Route {
  method: string;
  pattern: string;
  handle(req: Incoming): Promise<Reply>;
}

/** The outcome of matching: a handler with params, a known path with other methods, or nothing. */
type Match =
  { route: Route; params: Record<string, string>; rest: string[] } | { allowed: string[] } | undefined;

function matchPattern(
  pattern: string,
  segments: string[],
): { params: Record<string, string>; rest: string[] } | undefined {
  const parts = pattern.split('/').filter(Boolean);
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (part === '*') return { params, rest: segments.slice(i) };
    const segment = segments[i];
    if (segment === undefined) return undefined;
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part !== segment) return undefined;
  }
  return segments.length === parts.length ? { params, rest: [] } : undefined;
}

/** Finds the route for a method and path segments (empty segments dropped, so trailing slashes are fine). */
export function match(routes: readonly Route[], method: string, segments: string[]): Match {
  const wanted = method === 'HEAD' ? 'GET' : method;
  const allowed: string[] = [];
  for (const route of routes) {
    const m = matchPattern(route.pattern, segments);
    if (!m) continue;
    if (route.method === wanted) return { route, ...m };
    allowed.push(route.method);
  }
  return allowed.length ? { allowed } : undefined;
}

/** Splits a path into decoded segments; undefined when the escapes are malformed. */
export function segmentsOf(path: string): string[] | undefined {
  try {
    return path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined;
  }
}
