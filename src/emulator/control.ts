import type { Core } from './core.js';
import { checkFaultConfig } from './faults.js';
import { EmulatorError, conflict, invalid } from './errors.js';
import { isObject } from './json.js';
import { json } from './reply.js';
import type { Route } from './router.js';
import { roomRecord } from './rooms.js';
import { seedDemo } from './seed.js';
import { closeSession, joinWithToken } from './sessions.js';
import { parseSimulate, simulate, summary } from './simulate.js';
import { emptyState } from './state.js';
import { SYNTHETIC_ROOMS, syntheticRoomId } from './synthetic.js';
import { own } from './own.js';

/** One clock advance moves the clock at most 10 years either way. */
const MAX_ADVANCE_MINUTES = 10 * 366 * 24 * 60;
/** The emulator clock stays within 100 years of the real one, so every date it writes is valid. */
const MAX_CLOCK_OFFSET_MS = 100 * 366 * 86_400_000;

/** A usable stored clock offset: a finite number within MAX_CLOCK_OFFSET_MS. */
export function isClockOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_CLOCK_OFFSET_MS;
}

/** A bad clock request: a plain 400 without a result code (no room setting is involved). */
function badClock(message: string): EmulatorError {
  return new EmulatorError(400, undefined, message, false);
}

/** The routes that drive the emulator (same Basic auth as the API; never subject to faults). */
export function controlRoutes(core: Core): Route[] {
  const appId = core.credentials.appId;
  return [
    {
      method: 'GET',
      pattern: 'status',
      handle: async () => {
        const { state, now } = await core.view();
        const plan = core.synthetic;
        return json(200, {
          result: 0,
          now: now.toISOString(),
          clock_offset_ms: state.clockOffsetMs,
          rooms: Object.keys(state.rooms).length,
          live_sessions: Object.values(state.sessions).map((s) => ({
            room_id: s.roomId,
            conf_num: s.confNum,
            users: s.users.length,
            ends_at: s.endsAt,
          })),
          tokens: Object.keys(state.tokens).length,
          cdr: state.cdr.length,
          archive: state.archive.length,
          faults: core.faults.get(),
          synthetic_cdr: plan
            ? {
                count: plan.count,
                from: new Date(plan.fromMs).toISOString(),
                to: new Date(plan.toMs).toISOString(),
                rooms: Array.from({ length: SYNTHETIC_ROOMS }, (_, k) => syntheticRoomId(k)),
              }
            : null,
        });
      },
    },
    {
      method: 'GET',
      pattern: 'faults',
      handle: async () => json(200, { result: 0, faults: core.faults.get() }),
    },
    {
      method: 'PUT',
      pattern: 'faults',
      handle: async (req) => {
        try {
          core.faults.set(checkFaultConfig((await req.body()) ?? {}));
        } catch (err) {
          throw invalid('10008', `Bad fault configuration: ${(err as Error).message}`);
        }
        return json(200, { result: 0, faults: core.faults.get() });
      },
    },
    {
      method: 'DELETE',
      pattern: 'faults',
      handle: async () => {
        core.faults.set({});
        return json(200, { result: 0, faults: core.faults.get() });
      },
    },
    {
      method: 'POST',
      pattern: 'rooms/:id/simulate',
      handle: async (req) => {
        const request = parseSimulate(await req.body());
        return json(
          200,
          await core.change((s, now) => simulate(s, req.params['id'] ?? '', request, now, appId)),
        );
      },
    },
    {
      method: 'POST',
      pattern: 'rooms/:id/end',
      handle: async (req) => {
        const id = req.params['id'] ?? '';
        const result = await core.change((s, now) => {
          roomRecord(s, id);
          const session = own(s.sessions, id);
          if (!session) throw conflict('10113', 'Room has no session in progress');
          session.endsAt = now.toISOString();
          return summary(session, false, closeSession(s, session, now, appId));
        });
        return json(200, result);
      },
    },
    {
      method: 'POST',
      pattern: 'join',
      handle: async (req) => {
        const body = await req.body();
        const token = isObject(body) ? body['token'] : undefined;
        if (typeof token !== 'string' || token === '') throw invalid('10008', 'token is missing');
        const { session, user } = await core.change((s, now) => joinWithToken(s, token, now, req.client));
        return json(200, {
          result: 0,
          room_id: session.roomId,
          conf_num: session.confNum,
          ends_at: session.endsAt,
          user: { name: user.name, user_ref: user.user_ref, role: user.role, call_num: user.callNum },
        });
      },
    },
    {
      method: 'POST',
      pattern: 'clock/advance',
      handle: async (req) => {
        const body = await req.body();
        const minutes = isObject(body) ? body['minutes'] : undefined;
        if (typeof minutes !== 'number' || !Number.isFinite(minutes))
          throw badClock('Clock advance: minutes must be a number, e.g. {"minutes": 60}.');
        if (Math.abs(minutes) > MAX_ADVANCE_MINUTES)
          throw badClock(
            `Clock advance: minutes must be from -${MAX_ADVANCE_MINUTES} to ${MAX_ADVANCE_MINUTES} (10 years a call).`,
          );
        return moveClock(core, (offset) => offset + Math.round(minutes * 60_000));
      },
    },
    {
      method: 'POST',
      pattern: 'clock/set',
      handle: async (req) => {
        const body = await req.body();
        const at = isObject(body) ? body['at'] : undefined;
        const target = typeof at === 'string' && /(Z|[+-]\d\d:?\d\d)$/i.test(at) ? Date.parse(at) : NaN;
        if (Number.isNaN(target))
          throw badClock(
            'Clock set: at must be an ISO 8601 time with Z or an offset, e.g. 2026-12-01T09:00:00Z.',
          );
        // The offset is measured from the real clock now, so the emulator reads `at` at once.
        return moveClock(core, (offset, now) => offset + (target - now.getTime()));
      },
    },
    {
      method: 'POST',
      pattern: 'reset',
      handle: async (req) => {
        const body = await req.body();
        const seed = isObject(body) ? body['seed'] : undefined;
        if (seed !== undefined && seed !== 'demo') throw invalid('10008', 'seed must be "demo" or left out');
        await core.change((s, now) => {
          Object.assign(s, emptyState());
          delete s.seededAt;
          if (seed === 'demo') seedDemo(s, now, appId);
        });
        return json(200, { result: 0 });
      },
    },
  ];
}

/** Sets the clock offset (bounded to 100 years) and answers the emulator's new now. */
async function moveClock(
  core: Core,
  next: (offset: number, emulatorNow: Date) => number,
): Promise<ReturnType<typeof json>> {
  const state = await core.change((s, now) => {
    const offset = Math.round(next(isClockOffset(s.clockOffsetMs) ? s.clockOffsetMs : 0, now));
    if (Math.abs(offset) > MAX_CLOCK_OFFSET_MS)
      throw badClock(
        'Clock: the emulator clock may be at most 100 years off the real one; POST /reset starts over.',
      );
    s.clockOffsetMs = offset;
    return { clockOffsetMs: s.clockOffsetMs };
  });
  const { now } = await core.view();
  return json(200, { result: 0, now: now.toISOString(), clock_offset_ms: state.clockOffsetMs });
}
