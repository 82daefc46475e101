import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A user name and password from an Authorization header. */
interface BasicCredentials {
  user: string;
  password: string;
}

/** Reads `Authorization: Basic base64(user:password)`; undefined when absent or malformed. */
function parseBasic(req: IncomingMessage): BasicCredentials | undefined {
  const header = req.headers.authorization;
  const m = header ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header) : null;
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Compares secrets in constant time (hashing first makes the lengths equal). */
function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

/** True when the request carries exactly these credentials. */
export function hasCredentials(req: IncomingMessage, user: string, password: string): boolean {
  const given = parseBasic(req);
  if (!given) return false;
  // Both compared, always: no early exit that would tell which half was wrong.
  const userOk = sameSecret(given.user, user);
  const passwordOk = sameSecret(given.password, password);
  return userOk && passwordOk;
}
