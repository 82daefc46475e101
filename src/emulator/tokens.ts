import { createHmac, randomBytes } from 'node:crypto';
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
/**
 * Token roles the route page lists.
 * @internal Exported for the property test of room input, which draws roles from it.
 */
export const ROLES = ['moderator', 'participant', 'viewer', 'audience'] as const;

function text(value: Json | undefined, code: string, what: string): string {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || value.trim() === '') throw invalid(code, `${what} is missing`);
  return value;
}

/**
 * Checks a token request body (10101-10104, 10107) against the room. Keys beyond the documented
 * four are ignored: the real API issued tokens for bodies carrying an extra `roomId` (recorded 2018,
 * 85 times), which the vendor's sample servers forward from the browser.
 */
function checkBody(
  body: Json | undefined,
  room: ApiRoom,
): Omit<TokenRecord, 'tokenId' | 'roomId' | 'createdAt' | 'expiresAt'> {
  const input = body ?? {};
  if (!isObject(input)) throw invalid(EMULATOR_CODES.badJson, 'The body must be a JSON object');
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

const LOG_ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A 6-character log id, as in the recorded tokens ("8xyia4", "FGjgwH"). */
function logId(): string {
  return Array.from(randomBytes(6), (b) => LOG_ID_CHARS[b % LOG_ID_CHARS.length]).join('');
}

/**
 * The token string: base64 of JSON, as real EnableX tokens are (no dots, not a JWT), with the
 * recorded tokens' keys in their order: `tokenId`, `roomMeta` (the room, its id under `_id`), `host`
 * (the media server: here the emulator itself), `secure`, `logId` (6 characters), `gateway` (empty)
 * and `signature` (base64 of a 40-hex-digit hash).
 */
export function encodeToken(token: TokenRecord, room: ApiRoom, host: string, appKey: string): string {
  const hex = createHmac('sha1', appKey)
    .update(`${token.tokenId}.${token.roomId}.${token.expiresAt}`)
    .digest('hex');
  const { room_id, ...rest } = room;
  const roomMeta: JsonObject = { ...rest, _id: room_id };
  const payload = {
    tokenId: token.tokenId,
    roomMeta,
    host,
    secure: true,
    logId: logId(),
    gateway: '',
    signature: Buffer.from(hex).toString('base64'),
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
