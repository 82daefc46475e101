/**
 * The sample responses of the route page (shared/enablex-api/video-api-routes.txt), transcribed
 * as they are, except where noted. Shape tests compare the emulator's answers to these.
 */

/** POST /rooms and GET /rooms/{id}. Two slips of the sample are corrected, as NOTES.md decides. */
export const ROOM_RESPONSE = {
  result: 0,
  room: {
    name: 'Topic or Room Title',
    owner_ref: 'xyz',
    settings: {
      description: 'Descriptive text',
      mode: 'group',
      scheduled: false,
      adhoc: false,
      // The sample shows `50` and `true` here; counts are echoed as strings and max_active_talkers is 1-16.
      duration: '50',
      moderators: '2',
      participants: '10',
      billing_code: '',
      auto_recording: false,
      quality: 'HD',
      canvas: true,
      screen_share: true,
      max_active_talkers: 4,
      role_based_recording: { moderator: 'audiovideo', participant: 'audio' },
      live_recording: { auto_recording: true, url: 'rtmp-client.enablex.io/?token=' },
    },
    sip: { enabled: true, pin: 99999, meeting_id: 99999 },
    data: { custom_key: '' },
    created: '2018-07-12T11:30:24.851Z',
    room_id: 'xxxxxxxxxxxxxxx',
  },
};

/** The request that should produce ROOM_RESPONSE's shape. */
export const ROOM_REQUEST = {
  name: 'Topic or Room Title',
  owner_ref: 'xyz',
  settings: {
    description: 'Descriptive text',
    mode: 'group',
    scheduled: false,
    adhoc: false,
    duration: 50,
    moderators: '2',
    participants: '10',
    billing_code: '',
    auto_recording: false,
    quality: 'HD',
    canvas: true,
    screen_share: true,
    max_active_talkers: 4,
    role_based_recording: { moderator: 'audiovideo', participant: 'audio' },
    live_recording: { auto_recording: true, url: 'rtmp-client.enablex.io/?token=' },
  },
  sip: { enabled: true },
  data: { custom_key: '' },
};

/** GET /rooms. */
export const ROOMS_RESPONSE = {
  result: 0,
  rooms: [
    {
      name: 'Topic or Room Title',
      owner_ref: 'xyz',
      settings: {
        description: 'Descriptive text',
        mode: 'group',
        scheduled: false,
        adhoc: false,
        duration: '50',
        moderators: '2',
        participants: '10',
        billing_code: '',
        auto_recording: false,
        quality: 'HD',
        canvas: true,
        screen_share: true,
        max_active_talkers: 6,
      },
      sip: { enabled: false },
      data: { custom_key: '' },
      created: '2018-07-12T11:30:24.851Z',
      room_id: 'xxxxxxxxxxxxxxx',
    },
  ],
};

/** PATCH and DELETE /rooms/{id}. */
export const RESULT_ONLY = { result: 0 };

/** POST /rooms/{id}/tokens. */
export const TOKEN_RESPONSE = { result: 0, token: 'JWT_WEB_TOKEN' };

/** GET /rooms/{id}/users for an active room. */
export const USERS_RESPONSE = {
  result: 0,
  total: 1,
  users: [
    {
      name: 'User Name',
      user_ref: 'xxx',
      role: 'participant',
      permissions: { publish: true, subscribe: true, record: false, stats: true, controlhandlers: true },
    },
  ],
};

/** GET /archive/... */
export const ARCHIVE_RESPONSE = {
  result: '0',
  archive: [
    {
      _id: 'XXX',
      trans_date: 'YYYY-MM-DDTHH:II:SS.mmmZ',
      conf_num: 'XXXXX',
      app_id: 'XXX',
      room_id: 'XXX',
      recording: [{ url: 'https://FQDN/path/file.mkv' }],
      transcoded: [{ url: 'https://FQDN/path/file.mov' }],
      chatdata: 'https://FQDN/path/chatdata.json',
      metadata: 'https://FQDN/path/metadata.json',
    },
  ],
};

const QUALITY = { avg_bitrate: 999, avg_bitrate_quality: 'Good/Bad', max_bitrate: 999, min_bitrate: 999 };
const RECEIVED = {
  ...QUALITY,
  bitrate_good_percent: 999,
  bitrate_moderate_percent: 999,
  bitrate_bad_percent: 999,
};

/** GET /cdr/... */
export const CDR_RESPONSE = {
  result: '0',
  cdr: [
    {
      trans_date: 'YYYY-MM-DDTHH:MI:SS.mlsZ',
      conf_num: 'String',
      sip: false,
      call_num: 'String',
      call_log_id: 'String',
      parent_partner_id: 'String',
      room: {
        room_id: 'String',
        connect_dt: 'YYYY-MM-DDTHH:MI:SS.mlsZ',
        disconnect_dt: 'YYYY-MM-DDTHH:MI:SS.mlsZ',
        duration: 999,
        room_details: {},
        sip: false,
      },
      user: {
        role: 'moderator/participant/viewer/audience',
        ip: 'String',
        name: 'String',
        ref: 'String',
        agent: 'String',
      },
      sigserver: {
        disconnect_dt: 'YYYY-MM-DDTHH:MI:SS.mlsZ',
        connect_dt: 'YYYY-MM-DDTHH:MI:SS.mlsZ',
        ip: 'String',
        duration: 999.99,
        hold_duration: 9.99,
      },
      published_track: { audio: true, data: false, video: true, screen: false, url: false },
      usage: {
        subscribed_minutes: 999,
        published_minutes: 999,
        screen_minutes: 999,
        connect_minutes: 999,
        connect_minutes_cal: 999,
        room_connect_minutes: 999,
      },
      stats_quality: {
        send: { video: QUALITY, sharing: {}, audio: QUALITY },
        receive: { video: RECEIVED, sharing: {}, audio: RECEIVED, rtt: {} },
        call_quality: 'Good/Bad',
      },
      video_embed: true,
      visual_builder: true,
      lowcode: true,
      app_id: 'String',
      cdr_id: 'String',
    },
  ],
};

/** GET /dialin/ — the sample's JSON slips (a missing comma, `}` for `]`) are fixed; no `result` key. */
export const DIALIN_RESPONSE = {
  _id: 'Object ID',
  app_key: 'ROOM-ID',
  settings: { sip: true },
  sip: {
    server_url: 'sip://xoxo:PORT',
    username: 'String',
    password: 'String',
    sig_servers: ['String'],
    media_servers: ['String'],
  },
  dialin: [{ country: 'String', country_code: 'String', phone: 'String', toll: false }],
};
