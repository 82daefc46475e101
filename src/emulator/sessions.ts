import { buildArchive } from './archive.js';
import { assertRoomHasSpace, assertRoomOpen } from './access.js';
import { buildCdr } from './cdr-record.js';
import { conflict, roomNotFound } from './errors.js';
import { confNum, objectId } from './ids.js';
import { seeded, type Random } from './prng.js';
import { toCount } from './room-settings.js';
import type { LiveSession, LiveUser, RoomRecord, State } from './state.js';
import { addMinutes } from './time.js';
import { decodeTokenId } from './tokens.js';
import { own } from './own.js';
import { clone } from './json.js';

/** A session started by a token join runs this long (or the room's duration) unless ended earlier. */
const DEFAULT_SESSION_MINUTES = 60;
/** Used and expired tokens are forgotten this long after they expire, to keep the state small. */
const TOKEN_MEMORY_MS = 3_600_000;

/** Starts a live session in the room, or returns the one in progress (extended to `minutes` from now). */
export function openSession(state: State, record: RoomRecord, now: Date, minutes: number): LiveSession {
  const roomId = record.room.room_id;
  const endsAt = addMinutes(now, minutes).toISOString();
  const existing = own(state.sessions, roomId);
  if (existing) {
    if (endsAt > existing.endsAt) existing.endsAt = endsAt;
    return existing;
  }
  state.confSeq += 1;
  const session: LiveSession = {
    roomId,
    confNum: confNum(state.confSeq),
    startedAt: now.toISOString(),
    endsAt,
    users: [],
  };
  state.sessions[roomId] = session;
  record.firstSessionAt ??= session.startedAt;
  return session;
}

/** The n-th connection of a session: `<conf_num>-<n>`. */
export function callNumOf(session: { confNum: string }, n: number): string {
  return `${session.confNum}-${n}`;
}

/** Joins a session with a token: single use, within 15 minutes, room open and not full. */
export function joinWithToken(
  state: State,
  token: string,
  now: Date,
  client: { ip: string; agent: string },
): { session: LiveSession; user: LiveUser } {
  const id = decodeTokenId(token);
  const record = id === undefined ? undefined : own(state.tokens, id);
  if (!record) throw conflict('40002', 'Token denied: not a token of this application');
  if (record.usedAt) throw conflict('40002', 'Token denied: already used (tokens are single-use)');
  if (now.toISOString() > record.expiresAt)
    throw conflict('40002', 'Token denied: expired (valid 15 minutes)');
  const room = own(state.rooms, record.roomId);
  if (!room) throw roomNotFound(record.roomId);
  assertRoomOpen(state, room, now);
  assertRoomHasSpace(state, room, record.role);
  record.usedAt = now.toISOString();
  const minutes = toCount(room.room.settings['duration']) ?? DEFAULT_SESSION_MINUTES;
  const session = openSession(state, room, now, minutes);
  const user: LiveUser = {
    name: record.name,
    user_ref: record.userRef,
    role: record.role,
    callNum: callNumOf(session, session.users.length + 1),
    joinedAt: now.toISOString(),
    ...client,
  };
  session.users.push(user);
  return { session, user };
}

/**
 * Writes what a finished session leaves behind: one CDR record per user and one archive entry.
 * Counts the session, and deletes an adhoc room without a duration (it is single-use).
 */
export function closeSession(
  state: State,
  session: LiveSession,
  endAt: Date,
  appId: string,
  random?: Random,
): boolean {
  if (own(state.sessions, session.roomId) === session) delete state.sessions[session.roomId];
  const record = own(state.rooms, session.roomId);
  const start = new Date(session.startedAt);
  const roomSeconds = Math.round((endAt.getTime() - start.getTime()) / 1000);
  for (const user of session.users) {
    const r = seeded(`${appId}:${user.callNum}`);
    const joined = new Date(user.joinedAt);
    const leftEarly = Math.floor(r() * Math.min(30, roomSeconds / 4)) * 1000;
    const disconnect = new Date(Math.max(joined.getTime() + 1000, endAt.getTime() - leftEarly));
    state.cdr.push(
      buildCdr({
        appId,
        cdrId: objectId(disconnect, random),
        confNum: session.confNum,
        callNum: user.callNum,
        roomId: session.roomId,
        roomDetails: record ? clone(record.room) : { room_id: session.roomId },
        roomSeconds,
        user: { role: user.role, ip: user.ip, name: user.name, ref: user.user_ref, agent: user.agent },
        connect: joined,
        disconnect,
        random: r,
      }),
    );
  }
  const callNums = session.users.map((u) => u.callNum);
  state.archive.push(
    buildArchive({
      appId,
      confNum: session.confNum,
      roomId: session.roomId,
      endedAt: endAt,
      callNums,
      random,
    }),
  );
  if (!record) return false;
  record.sessions += 1;
  record.firstSessionAt ??= session.startedAt;
  const s = record.room.settings;
  if (s['adhoc'] === true && toCount(s['duration']) === undefined) {
    delete state.rooms[session.roomId];
    for (const [id, t] of Object.entries(state.tokens))
      if (t.roomId === session.roomId) delete state.tokens[id];
    return true;
  }
  return false;
}

/** True when the clock passed a session's end or old tokens can go. */
export function needsSettle(state: State, now: Date): boolean {
  const iso = now.toISOString();
  const forgetBefore = new Date(now.getTime() - TOKEN_MEMORY_MS).toISOString();
  return (
    Object.values(state.sessions).some((s) => s.endsAt <= iso) ||
    Object.values(state.tokens).some((t) => t.expiresAt < forgetBefore)
  );
}

/** Ends sessions whose time ran out on the emulator clock (at their end time) and forgets old tokens. */
export function settle(state: State, now: Date, appId: string): void {
  const iso = now.toISOString();
  for (const session of Object.values(state.sessions)) {
    if (session.endsAt <= iso) closeSession(state, session, new Date(session.endsAt), appId);
  }
  const forgetBefore = new Date(now.getTime() - TOKEN_MEMORY_MS).toISOString();
  for (const [id, t] of Object.entries(state.tokens)) if (t.expiresAt < forgetBefore) delete state.tokens[id];
}
