import { unexpectedShape } from './errors.js';
import type { Http } from './http.js';
import { paths } from './paths.js';
import type { TokenRole } from './token-roles.js';

/** How long a fresh token is valid (route page: 15 minutes, single use). */
export const TOKEN_LIFETIME_MS = 15 * 60_000;

/** The body of POST /rooms/{id}/tokens. */
export interface TokenBody {
  name: string;
  role: TokenRole;
  user_ref: string;
  data?: Record<string, string>;
}

/** POST /rooms/{id}/tokens: returns the token, an opaque string. */
export async function createToken(http: Http, roomId: string, body: TokenBody): Promise<string> {
  const answer = await http.request<{ token?: unknown } | undefined>({
    method: 'POST',
    path: paths.tokens(roomId),
    json: body,
  });
  const token = answer?.token;
  if (typeof token !== 'string' || token.trim() === '') {
    throw unexpectedShape(`POST /rooms/${roomId}/tokens`, 'the answer holds no token');
  }
  return token;
}
