import { isObject, type JsonObject } from './json.js';
import { dict } from './own.js';

/** A room as the API shows it: name, owner_ref, settings, sip and data (only when given), created, room_id. */
export interface ApiRoom extends JsonObject {
  name: string;
  owner_ref: string;
  settings: JsonObject;
  created: string;
  room_id: string;
}

/** A stored room and what the emulator tracks about its use. */
export interface RoomRecord {
  room: ApiRoom;
  /** Finished sessions so far. */
  sessions: number;
  /** Start of the first session: an adhoc room with a duration stays usable for that long after it. */
  firstSessionAt?: string;
}

/** A token handed out; single use, valid 15 minutes. */
export interface TokenRecord {
  tokenId: string;
  roomId: string;
  name: string;
  role: string;
  userRef: string;
  data?: JsonObject;
  createdAt: string;
  expiresAt: string;
  usedAt?: string;
}

/** Someone connected to a live session. */
export interface LiveUser {
  name: string;
  user_ref: string;
  role: string;
  callNum: string;
  joinedAt: string;
  ip: string;
  agent: string;
}

/** A session in progress; it ends by the control route or when the emulator clock passes `endsAt`. */
export interface LiveSession {
  roomId: string;
  confNum: string;
  startedAt: string;
  endsAt: string;
  users: LiveUser[];
}

/** An archive entry; file locations are origin-relative so they survive a port change. */
export interface ArchiveRecord {
  _id: string;
  trans_date: string;
  conf_num: string;
  app_id: string;
  room_id: string;
  recording: string[];
  transcoded: string[];
  chatdata: string;
  metadata: string;
}

/** Everything the emulator persists. */
export interface State {
  version: 1;
  /** When the demo seed was applied; a seeded state is never seeded again. */
  seededAt?: string;
  /** Sessions so far: the source of conf_num. */
  confSeq: number;
  /** Added to the emulator clock by the clock control route (shared by every process on the file). */
  clockOffsetMs: number;
  rooms: Record<string, RoomRecord>;
  tokens: Record<string, TokenRecord>;
  sessions: Record<string, LiveSession>;
  archive: ArchiveRecord[];
  cdr: JsonObject[];
}

/** A fresh, empty state. */
export function emptyState(): State {
  return {
    version: 1,
    confSeq: 0,
    clockOffsetMs: 0,
    rooms: dict(),
    tokens: dict(),
    sessions: dict(),
    archive: [],
    cdr: [],
  };
}

/** True when nothing was ever stored (the demo seed applies only then). */
export function isPristine(state: State): boolean {
  return (
    state.seededAt === undefined &&
    Object.keys(state.rooms).length === 0 &&
    state.cdr.length === 0 &&
    state.archive.length === 0 &&
    state.confSeq === 0
  );
}

/** The state file cannot be used: not JSON, or not an emulator state. */
export class StateFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StateFileError';
  }
}

/** Checks a parsed state file and fills keys older files lack; throws on anything else. */
export function reviveState(value: unknown, where: string): State {
  const v = value as Partial<State> | null;
  if (typeof v !== 'object' || v === null || v.version !== 1) {
    throw new StateFileError(`${where} is not an emulator state file (expected {"version": 1, ...}).`);
  }
  const state = { ...emptyState(), ...v } as State;
  for (const key of ['rooms', 'tokens', 'sessions'] as const) {
    if (!isObject(state[key])) throw new StateFileError(`${where}: "${key}" is not an object.`);
  }
  for (const key of ['archive', 'cdr'] as const) {
    if (!Array.isArray(state[key])) throw new StateFileError(`${where}: "${key}" is not a list.`);
  }
  return withMaps(state);
}

function withMaps(state: State): State {
  state.rooms = dict(state.rooms);
  state.tokens = dict(state.tokens);
  state.sessions = dict(state.sessions);
  return state;
}
