import { confNum, objectId } from './ids.js';
import type { JsonObject } from './json.js';
import { intBetween, seeded, type Random } from './prng.js';
import { closeSession } from './sessions.js';
import { simulatedPeople } from './simulate.js';
import type { ApiRoom, LiveSession, State } from './state.js';
import { DAY_MS, addMinutes, formatScheduledTime, startOfDay } from './time.js';

/** The parts of a demo room that differ between rooms. */
interface DemoRoom {
  name: string;
  owner_ref: string;
  settings: JsonObject;
  data: JsonObject;
}

function room(random: Random, created: Date, fields: DemoRoom, sip = false): ApiRoom {
  const id = objectId(created, random);
  const sipObj: JsonObject = sip
    ? {
        enabled: true,
        pin: intBetween(random, 100000, 999999),
        meeting_id: intBetween(random, 1e8, 999999999),
      }
    : { enabled: false };
  return {
    name: fields.name,
    owner_ref: fields.owner_ref,
    settings: fields.settings,
    sip: sipObj,
    data: fields.data,
    created: created.toISOString(),
    room_id: id,
  };
}

/** The demo rooms: two permanent ones, a scheduled webinar three days ahead, an unused adhoc bridge. */
function demoRooms(random: Random, today: Date, now: Date): ApiRoom[] {
  const created = (daysAgo: number, hour: number) =>
    new Date(today.getTime() - daysAgo * DAY_MS + hour * 3_600_000);
  return [
    room(random, created(40, 8), {
      name: 'Team stand-up',
      owner_ref: 'team-eng',
      settings: {
        description: 'Daily engineering stand-up',
        mode: 'group',
        scheduled: false,
        adhoc: false,
        moderators: '1',
        participants: '12',
        quality: 'HD',
        auto_recording: true,
        screen_share: true,
        max_active_talkers: 6,
      },
      data: { team: 'engineering' },
    }),
    room(
      random,
      created(38, 10),
      {
        name: 'Customer support desk',
        owner_ref: 'support',
        settings: {
          description: 'One-to-one support calls',
          mode: 'group',
          scheduled: false,
          adhoc: false,
          moderators: '2',
          participants: '4',
          quality: 'SD',
          knock: true,
          media_zone: 'US',
        },
        data: {},
      },
      true,
    ),
    room(random, addMinutes(now, -90), {
      name: 'Quarterly all-hands webinar',
      owner_ref: 'comms',
      settings: {
        description: 'Company update for everyone',
        mode: 'lecture',
        scheduled: true,
        adhoc: false,
        scheduled_time: formatScheduledTime(new Date(today.getTime() + 3 * DAY_MS + 15 * 3_600_000)),
        duration: '60',
        moderators: '3',
        participants: '500',
        quality: 'HD',
      },
      data: { quarter: 'next' },
    }),
    room(random, addMinutes(now, -30), {
      name: 'Incident bridge',
      owner_ref: 'ops',
      settings: {
        description: 'Reusable for two hours after first use',
        mode: 'group',
        scheduled: false,
        adhoc: true,
        duration: '120',
        participants: '20',
      },
      data: {},
    }),
  ];
}

/** Writes one finished past session of a demo room. */
function pastSession(
  state: State,
  appId: string,
  roomId: string,
  start: Date,
  minutes: number,
  users: number,
  random: Random,
): void {
  state.confSeq += 1;
  const session: LiveSession = {
    roomId,
    confNum: confNum(state.confSeq),
    startedAt: start.toISOString(),
    endsAt: addMinutes(start, minutes).toISOString(),
    users: [],
  };
  for (const person of simulatedPeople(random, users, false)) {
    const joined = new Date(start.getTime() + intBetween(random, 0, 90) * 1000);
    session.users.push({
      ...person,
      callNum: `${session.confNum}-${session.users.length + 1}`,
      joinedAt: joined.toISOString(),
    });
  }
  closeSession(state, session, addMinutes(start, minutes), appId, random);
}

/**
 * The `--seed demo` data, the same for the same clock day and app id: four rooms and a month of
 * finished sessions (stand-ups on weekdays, support calls every third day) with CDR and archive.
 */
export function seedDemo(state: State, now: Date, appId: string): void {
  const random = seeded(`demo:${appId}`);
  const today = startOfDay(now);
  const rooms = demoRooms(random, today, now);
  for (const r of rooms) state.rooms[r.room_id] = { room: r, sessions: 0 };
  const [standup, support] = rooms as [ApiRoom, ApiRoom];
  for (let daysAgo = 30; daysAgo >= 1; daysAgo--) {
    const day = new Date(today.getTime() - daysAgo * DAY_MS);
    const weekday = day.getUTCDay() !== 0 && day.getUTCDay() !== 6;
    if (weekday) {
      const start = new Date(day.getTime() + (9 * 60 + 30) * 60_000);
      pastSession(
        state,
        appId,
        standup.room_id,
        start,
        intBetween(random, 12, 20),
        intBetween(random, 3, 6),
        random,
      );
    }
    if (daysAgo % 3 === 0) {
      const start = new Date(day.getTime() + intBetween(random, 11, 17) * 3_600_000);
      pastSession(state, appId, support.room_id, start, intBetween(random, 10, 45), 2, random);
    }
  }
  state.seededAt = now.toISOString();
}
