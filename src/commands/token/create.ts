import type { TokenRole } from '../../api/token-roles.js';
import { createToken, TOKEN_LIFETIME_MS, type TokenBody } from '../../api/tokens.js';
import { UsageError } from '../../lib/errors.js';
import type { Factory } from '../../factory.js';
import { parseKeyValues } from '../../lib/validate.js';
import { resolveRoomRef } from '../room-ref.js';
import { terminalSafe } from '../../output/escape.js';
import { decodeToken, viewValue } from './decode.js';
import type { TokenInput } from './token.verb.js';

/** The token fields the API documents at most (NOTES.md: `data` holds at most 5 custom keys). */
const MAX_DATA_KEYS = 5;

/** What `enablex token` prints: one object. */
export interface TokenResult {
  token: string;
  room_id: string;
  role: TokenRole;
  name: string;
  user_ref: string;
  /** Estimated from the local clock: the API does not return it. */
  expires_at: string;
  /** Only with --decode: the token's readable contents, never verified. */
  decoded?: unknown;
}

/** Checks the flags and builds the request body; a pure function so it is tested on its own. */
export function buildTokenBody(
  opts: Pick<TokenInput['opts'], 'name' | 'userRef' | 'role' | 'data'>,
): TokenBody {
  const name = opts.name.trim();
  if (name === '') throw new UsageError('--name must not be empty: give the name of the user who joins.');
  const userRef = opts.userRef.trim();
  if (userRef === '')
    throw new UsageError(
      '--user-ref must not be empty: give your reference for the user (shown in reports).',
    );
  const data = parseKeyValues(opts.data, '--data', MAX_DATA_KEYS);
  return { name, role: opts.role, user_ref: userRef, ...(data ? { data } : {}) };
}

/** `enablex token <room-id>`: POST /rooms/{id}/tokens, print the token (alone with -q). */
export async function run({ args, opts }: TokenInput, f: Factory): Promise<void> {
  const body = buildTokenBody(opts);
  const roomId = await resolveRoomRef(f, args.roomId, '<room-id>');
  const http = await f.http();
  const issuedAt = f.clock.now();
  const token = await f.io.spin('Creating token…', () => createToken(http, roomId, body));
  const result: TokenResult = {
    token,
    room_id: roomId,
    role: body.role,
    name: body.name,
    user_ref: body.user_ref,
    expires_at: new Date(issuedAt.getTime() + TOKEN_LIFETIME_MS).toISOString(),
  };
  if (f.options.quiet) return f.io.data(result, { idField: 'token' });
  f.io.success(
    `Created a ${body.role} token for ${body.name} in room ${roomId}: single use, valid until ${result.expires_at}.`,
  );
  if (opts.decode) {
    const view = decodeToken(token);
    if (view) {
      result.decoded = viewValue(view);
      f.io.note(
        '"decoded" is a view of the token\'s contents, not verified: no signature is checked, and only EnableX decides what the token allows.',
      );
    } else {
      f.io.note('The token could not be decoded (it is not base64 JSON): it is printed as is.');
    }
  }
  if (f.options.format === 'table' && !f.options.fields) {
    // A table cuts long cells; the token goes on its own line so it can be copied whole.
    const { token: _token, ...rest } = result;
    f.io.data(rest);
    f.io.raw(`${terminalSafe(token)}\n`);
    return;
  }
  f.io.data(result, { idField: 'token' });
}
