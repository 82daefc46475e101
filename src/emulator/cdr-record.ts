import { intBetween, hexDigits, pick, type Random } from './prng.js';
import type { JsonObject } from './json.js';

/** What one CDR record is made of. */
interface CdrInput {
  appId: string;
  cdrId: string;
  confNum: string;
  callNum: string;
  roomId: string;
  roomDetails: JsonObject;
  /** Seconds the room's session lasted (usage.room_connect_minutes). */
  roomSeconds: number;
  user: { name: string; ref: string; role: string; ip: string; agent: string };
  connect: Date;
  disconnect: Date;
  random: Random;
}

/** Agents simulated users connect with. */
const AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0',
  'EnxRtc-Android/2.3.1 (Pixel 8; Android 14)',
  'EnxRtc-iOS/2.3.1 (iPhone15,2; iOS 17.5)',
];

let lastPartner: [appId: string, partnerId: string] | undefined;

/** The derived partner id of an app (the same in every record of that app; memoized for synthetic runs). */
function partnerIdOf(appId: string): string {
  if (lastPartner?.[0] !== appId) {
    lastPartner = [appId, `${appId.slice(0, 12)}${appId.slice(-12)}`.split('').reverse().join('')];
  }
  return lastPartner[1];
}

function quality(random: Random, receive: boolean, audio: boolean): JsonObject {
  const avg = audio ? intBetween(random, 30_000, 48_000) : intBetween(random, 300_000, 1_500_000);
  const spread = audio ? 6_000 : 250_000;
  const good = intBetween(random, 60, 100);
  const stats: JsonObject = {
    avg_bitrate: avg,
    avg_bitrate_quality: good > 70 ? 'Good' : 'Bad',
    max_bitrate: avg + intBetween(random, 0, spread),
    min_bitrate: Math.max(0, avg - intBetween(random, 0, spread)),
  };
  if (receive) {
    const moderate = Math.min(100 - good, intBetween(random, 0, 20));
    stats['bitrate_good_percent'] = good;
    stats['bitrate_moderate_percent'] = moderate;
    stats['bitrate_bad_percent'] = 100 - good - moderate;
  }
  return stats;
}

/**
 * One CDR record in the full shape of the route page's sample: every key, in its order. Usage
 * values are seconds except `connect_minutes_cal` (billed minutes, rounded up), as documented.
 */
export function buildCdr(input: CdrInput): JsonObject {
  const r = input.random;
  const seconds = Math.max(1, Math.round((input.disconnect.getTime() - input.connect.getTime()) / 1000));
  const publishes = input.user.role === 'moderator' || input.user.role === 'participant';
  const screen = publishes && r() < 0.25;
  const hold = Math.round(r() * 300) / 100;
  const sendVideo = quality(r, false, false);
  const good = Number(sendVideo['avg_bitrate_quality'] === 'Good');
  // Formatted once: synthetic runs build hundreds of thousands of these.
  const connectDt = input.connect.toISOString();
  const disconnectDt = input.disconnect.toISOString();
  return {
    trans_date: disconnectDt,
    conf_num: input.confNum,
    sip: false,
    call_num: input.callNum,
    call_log_id: hexDigits(r, 24),
    parent_partner_id: partnerIdOf(input.appId),
    room: {
      room_id: input.roomId,
      connect_dt: connectDt,
      disconnect_dt: disconnectDt,
      duration: seconds,
      room_details: input.roomDetails,
      sip: false,
    },
    user: { ...input.user },
    sigserver: {
      disconnect_dt: disconnectDt,
      connect_dt: connectDt,
      ip: `10.20.${intBetween(r, 0, 9)}.${intBetween(r, 2, 250)}`,
      duration: seconds + Math.round(r() * 100) / 100,
      hold_duration: hold,
    },
    published_track: { audio: publishes, data: false, video: publishes, screen, url: false },
    usage: {
      subscribed_minutes: seconds,
      published_minutes: publishes ? seconds : 0,
      screen_minutes: screen ? intBetween(r, 30, seconds) : 0,
      connect_minutes: seconds,
      connect_minutes_cal: Math.ceil(seconds / 60),
      room_connect_minutes: Math.max(seconds, input.roomSeconds),
    },
    stats_quality: {
      send: { video: sendVideo, sharing: {}, audio: quality(r, false, true) },
      receive: { video: quality(r, true, false), sharing: {}, audio: quality(r, true, true), rtt: {} },
      call_quality: good || r() < 0.8 ? 'Good' : 'Bad',
    },
    video_embed: false,
    visual_builder: false,
    lowcode: false,
    app_id: input.appId,
    cdr_id: input.cdrId,
  };
}

/** Picks a plausible client address and agent for a simulated user. */
export function clientFor(random: Random): { ip: string; agent: string } {
  return { ip: `203.0.113.${intBetween(random, 2, 254)}`, agent: pick(random, AGENTS) };
}
