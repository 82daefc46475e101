/** A full CDR record shaped like the route page's sample, with overrides merged one level deep. */
export function cdrRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    trans_date: '2026-11-02T10:20:30.000Z',
    conf_num: '100200300',
    sip: false,
    call_num: '100200300-1',
    call_log_id: 'log-1',
    parent_partner_id: 'partner-1',
    room: {
      room_id: '5f3b2c1a9d8e7f6a5b4c3d2e',
      connect_dt: '2026-11-02T10:00:00.000Z',
      disconnect_dt: '2026-11-02T10:20:30.000Z',
      duration: 1230,
      room_details: { name: 'Standup', settings: { mode: 'group' } },
      sip: false,
    },
    user: { role: 'moderator', ip: '10.0.0.1', name: 'Ava', ref: 'ava-1', agent: 'Chrome' },
    sigserver: {
      disconnect_dt: '2026-11-02T10:20:30.000Z',
      connect_dt: '2026-11-02T10:00:00.000Z',
      ip: '10.1.1.1',
      duration: 1230.5,
      hold_duration: 0.25,
    },
    published_track: { audio: true, data: false, video: true, screen: false, url: false },
    usage: {
      subscribed_minutes: 1200,
      published_minutes: 1100,
      screen_minutes: 0,
      connect_minutes: 1230,
      connect_minutes_cal: 21,
      room_connect_minutes: 1230,
    },
    stats_quality: {
      send: {
        video: { avg_bitrate: 500, avg_bitrate_quality: 'Good', max_bitrate: 900, min_bitrate: 100 },
        sharing: {},
        audio: { avg_bitrate: 40, avg_bitrate_quality: 'Good', max_bitrate: 45, min_bitrate: 38 },
      },
      receive: {
        video: {
          avg_bitrate: 400,
          avg_bitrate_quality: 'Bad',
          max_bitrate: 800,
          min_bitrate: 50,
          bitrate_good_percent: 70,
          bitrate_moderate_percent: 20,
          bitrate_bad_percent: 10,
        },
        sharing: {},
        audio: {
          avg_bitrate: 41020,
          avg_bitrate_quality: 'Good',
          max_bitrate: 42752,
          min_bitrate: 38231,
          bitrate_good_percent: 100,
          bitrate_moderate_percent: 0,
          bitrate_bad_percent: 0,
        },
        rtt: {},
      },
      call_quality: 'Good',
    },
    video_embed: false,
    visual_builder: false,
    lowcode: false,
    app_id: 'app-1',
    cdr_id: 'cdr-1',
  };
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(overrides)) {
    const b = base[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object'
        ? { ...(b as object), ...(v as object) }
        : v;
  }
  return out;
}

/** A CDR answer as the API sends it (`result` a string, as NOTES.md says). */
export function cdrBody(records: unknown[], result: string | number = '0'): Record<string, unknown> {
  return { result, cdr: records };
}
