import { createHmac } from 'node:crypto';
import { assertRoomHasSpace, assertRoomOpen } from './access.js';
import { EMULATOR_CODES, invalid, roomNotFound } from './errors.js';
import { objectId } from './ids.js';
import { isObject, type Json, type JsonObject } from './json.js';
import { toCount } from './room-settings.js';
import type { ApiRoom, State, TokenRecord } from './state.js';
import { addMinutes } from './time.js';
import { own } from './own.js';

/** A token must be used within this many minutes. */
export const TOKEN_TTL_MINUTES = 15;
/** Token roles the route page lists. */
export const ROLES = ['moderator', 'participant', 'viewer', 'audience'] as const;
const BODY_KEYS = new Set(['name', 'role', 'user_ref', 'data']);

function text(value: Json | undefined, code: string, what: string): string {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || value.trim() === '') throw invalid(code, `${what} is missing`);
  return value;
}

/** Checks a token request body (10101-10104, 10009, 10107) against the room. */
function checkBody(
  body: Json | undefined,
  room: ApiRoom,
): Omit<TokenRecord, 'tokenId' | 'roomId' | 'createdAt' | 'expiresAt'> {
  const input = body ?? {};
  if (!isObject(input)) throw invalid(EMULATOR_CODES.badJson, 'The body must be a JSON object');
  const unknown = Object.keys(input).find((k) => !BODY_KEYS.has(k));
  if (unknown) throw invalid('10009', `Unrecognised key: ${unknown}`);
  const name = text(input['name'], '10101', 'User name');
  const userRef = text(input['user_ref'], '10102', 'user_ref');
  const role = input['role'];
  if (role === undefined || role === '') throw invalid('10103', 'Role is missing');
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw invalid('10104', 'Invalid role: use moderator, participant, viewer or audience');
  }
  if (role === 'audience' && !(toCount(room.settings['audiences']) ?? 0)) {
    throw invalid('10104', 'Invalid role: audience needs a room with audiences (HLS)');
  }
  const data = input['data'];
  if (data !== undefined && (!isObject(data) || Object.keys(data).length > 5)) {
    throw invalid(EMULATOR_CODES.badTokenData, 'data must be an object with at most 5 keys');
  }
  return { name, userRef, role, ...(data === undefined ? {} : { data }) };
}

/** Validates a token request, checks the room's window and capacity, and stores the token. */
export function issueToken(state: State, roomId: string, body: Json | undefined, now: Date): TokenRecord {
  const record = own(state.rooms, roomId);
  if (!record) throw roomNotFound(roomId);
  const fields = checkBody(body, record.room);
  assertRoomOpen(state, record, now);
  assertRoomHasSpace(state, record, fields.role);
  const token: TokenRecord = {
    tokenId: objectId(now),
    roomId,
    ...fields,
    createdAt: now.toISOString(),
    expiresAt: addMinutes(now, TOKEN_TTL_MINUTES).toISOString(),
  };
  state.tokens[token.tokenId] = token;
  return token;
}

/** The token string: base64 of JSON, as real EnableX tokens are (no dots, not a JWT). */
export function encodeToken(token: TokenRecord, room: ApiRoom, host: string, appKey: string): string {
  const signature = createHmac('sha256', appKey)
    .update(`${token.tokenId}.${token.roomId}.${token.expiresAt}`)
    .digest('base64');
  const roomMeta: JsonObject = { ...room };
  const payload = {
    tokenId: token.tokenId,
    roomMeta,
    host,
    secure: true,
    logId: objectId(new Date(token.createdAt)),
    signature,
  };
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}

/** The tokenId inside a token string, or undefined when it is not one of ours. */
export function decodeTokenId(token: string): string | undefined {
  try {
    const payload: unknown = JSON.parse(Buffer.from(token.trim(), 'base64').toString('utf8'));
    const id = isObject(payload) ? payload['tokenId'] : undefined;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}
