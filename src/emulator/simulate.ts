import { assertRoomHasSpace, assertRoomOpen, capacityOf } from './access.js';
import { clientFor } from './cdr-record.js';
import { conflict, invalid, roomNotFound } from './errors.js';
import { confNum, objectId } from './ids.js';
import { isObject, type Json, type JsonObject } from './json.js';
import { seeded, type Random } from './prng.js';
import { callNumOf, closeSession, openSession } from './sessions.js';
import type { LiveSession, LiveUser, State } from './state.js';
import { addMinutes } from './time.js';
import { TOKEN_TTL_MINUTES } from './tokens.js';
import { own } from './own.js';

/** What the simulate control route accepts. */
interface SimulateRequest {
  users: number;
  minutes: number;
  live: boolean;
}

const NAMES = [
  'Asha Rao',
  'Ben Carter',
  'Chen Wei',
  'Dana Levi',
  'Emeka Obi',
  'Fatima Khan',
  'Gustavo Silva',
  'Hana Sato',
  'Ivan Petrov',
  'Julia Novak',
  'Kofi Mensah',
  'Lena Fischer',
  'Mateo Rossi',
  'Nadia Haddad',
  'Omar Farouk',
  'Priya Nair',
];

function whole(value: Json | undefined, fallback: number, min: number, max: number, what: string): number {
  if (value === undefined) return fallback;
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    throw invalid('10008', `${what} must be a whole number from ${min} to ${max}`);
  }
  return n;
}

/** Reads `{users?, minutes?, live?}` (defaults 3 users, 12 minutes, finished). */
export function parseSimulate(body: Json | undefined): SimulateRequest {
  const input = body ?? {};
  if (!isObject(input)) throw invalid('10001', 'The body must be a JSON object');
  return {
    users: whole(input['users'], 3, 1, 1000, 'users'),
    minutes: whole(input['minutes'], 12, 1, 1440, 'minutes'),
    live: input['live'] === true,
  };
}

/** The people of a simulated session: the first is the moderator (unless one is present). */
export function simulatedPeople(
  random: Random,
  count: number,
  hasModerator: boolean,
): Omit<LiveUser, 'callNum' | 'joinedAt'>[] {
  const offset = Math.floor(random() * NAMES.length);
  return Array.from({ length: count }, (_, i) => ({
    name: NAMES[(offset + i) % NAMES.length] as string,
    user_ref: `user-${((offset + i) % NAMES.length) + 1}`,
    role: i === 0 && !hasModerator ? 'moderator' : 'participant',
    ...clientFor(random),
  }));
}

/** A user as the control routes show it. */
function publicUser(u: LiveUser): JsonObject {
  return { name: u.name, user_ref: u.user_ref, role: u.role, call_num: u.callNum, joined_at: u.joinedAt };
}

/**
 * Simulates a session. Live: people join now (each through a token, consumed at once) and stay
 * until `end` or until `minutes` pass. Finished: a session that ran `minutes` and ended now,
 * with its CDR and archive written.
 */
export function simulate(
  state: State,
  roomId: string,
  req: SimulateRequest,
  now: Date,
  appId: string,
): JsonObject {
  const record = own(state.rooms, roomId);
  if (!record) throw roomNotFound(roomId);
  if (req.live) {
    assertRoomOpen(state, record, now);
    assertRoomHasSpace(state, record, 'participant', req.users);
    const session = openSession(state, record, now, req.minutes);
    const people = simulatedPeople(
      seeded(`${session.confNum}:${session.users.length}`),
      req.users,
      hasModerator(session),
    );
    for (const person of people) {
      const tokenId = objectId(now);
      state.tokens[tokenId] = {
        tokenId,
        roomId,
        name: person.name,
        role: person.role,
        userRef: person.user_ref,
        createdAt: now.toISOString(),
        expiresAt: addMinutes(now, TOKEN_TTL_MINUTES).toISOString(),
        usedAt: now.toISOString(),
      };
      session.users.push({
        ...person,
        callNum: callNumOf(session, session.users.length + 1),
        joinedAt: now.toISOString(),
      });
    }
    return summary(session, true, false);
  }
  // A finished session ends now, so it would overlap the live one: two sessions at once in one room.
  const live = own(state.sessions, roomId);
  if (live)
    throw conflict(
      '10030',
      `Room has a session in progress (conf_num ${live.confNum}, until ${live.endsAt}): a finished ` +
        'session ending now would overlap it. End it first (enablex emulator end), or add people to it with live: true',
    );
  if (req.users > capacityOf(record, false)) throw conflict('10114', 'Room is full');
  const start = addMinutes(now, -req.minutes);
  state.confSeq += 1;
  const session: LiveSession = {
    roomId,
    confNum: confNum(state.confSeq),
    startedAt: start.toISOString(),
    endsAt: now.toISOString(),
    users: [],
  };
  const random = seeded(session.confNum);
  for (const person of simulatedPeople(random, req.users, false)) {
    const joinedAt = new Date(start.getTime() + Math.floor(random() * 45) * 1000);
    session.users.push({
      ...person,
      callNum: callNumOf(session, session.users.length + 1),
      joinedAt: joinedAt.toISOString(),
    });
  }
  const deleted = closeSession(state, session, now, appId);
  return summary(session, false, deleted);
}

function hasModerator(session: LiveSession): boolean {
  return session.users.some((u) => u.role === 'moderator');
}

/** The control routes' answer about a session. */
export function summary(session: LiveSession, live: boolean, roomDeleted: boolean): JsonObject {
  return {
    result: 0,
    room_id: session.roomId,
    conf_num: session.confNum,
    live,
    started_at: session.startedAt,
    ends_at: session.endsAt,
    total: session.users.length,
    users: session.users.map(publicUser),
    room_deleted: roomDeleted,
  };
}
