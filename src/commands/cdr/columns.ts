const quality = (prefix: string): string[] =>
  ['avg_bitrate', 'avg_bitrate_quality', 'max_bitrate', 'min_bitrate'].map((k) => `${prefix}.${k}`);
const receiveQuality = (prefix: string): string[] => [
  ...quality(prefix),
  ...['bitrate_good_percent', 'bitrate_moderate_percent', 'bitrate_bad_percent'].map((k) => `${prefix}.${k}`),
];

/**
 * The CSV columns of `enablex cdr`, fixed whatever the records hold, in the order of the route
 * page's full CDR sample flattened to dotted names. Objects whose shape the page leaves open
 * (`room.room_details`, the `sharing` and `rtt` quality blocks) are one column of JSON text each.
 * Keys outside this list are left out of CSV (json, ndjson and yaml keep them). Append only: scripts
 * index these columns by position.
 */
export const CDR_COLUMNS: readonly string[] = Object.freeze([
  'trans_date',
  'conf_num',
  'sip',
  'call_num',
  'call_log_id',
  'parent_partner_id',
  'room.room_id',
  'room.connect_dt',
  'room.disconnect_dt',
  'room.duration',
  'room.room_details',
  'room.sip',
  'user.role',
  'user.ip',
  'user.name',
  'user.ref',
  'user.agent',
  'sigserver.disconnect_dt',
  'sigserver.connect_dt',
  'sigserver.ip',
  'sigserver.duration',
  'sigserver.hold_duration',
  'published_track.audio',
  'published_track.data',
  'published_track.video',
  'published_track.screen',
  'published_track.url',
  'usage.subscribed_minutes',
  'usage.published_minutes',
  'usage.screen_minutes',
  'usage.connect_minutes',
  'usage.connect_minutes_cal',
  'usage.room_connect_minutes',
  ...quality('stats_quality.send.video'),
  'stats_quality.send.sharing',
  ...quality('stats_quality.send.audio'),
  ...receiveQuality('stats_quality.receive.video'),
  'stats_quality.receive.sharing',
  ...receiveQuality('stats_quality.receive.audio'),
  'stats_quality.receive.rtt',
  'stats_quality.call_quality',
  'video_embed',
  'visual_builder',
  'lowcode',
  'app_id',
  'cdr_id',
]);

/**
 * Fields of older documented CDR records that later ones dropped (the v2 docs' conference-number
 * sample: `user.token`, `user.confName`, and no `usage.connect_minutes`). `--fields` takes them, and
 * any other dotted path; they are not default columns.
 */
export const OLDER_CDR_FIELDS: readonly string[] = Object.freeze(['user.token', 'user.confName']);

/** Columns the route page documents as booleans; older records carry them as "true"/"false" strings. */
const BOOLEAN_COLUMNS = new Set([
  'sip',
  'room.sip',
  'published_track.audio',
  'published_track.data',
  'published_track.video',
  'published_track.screen',
  'published_track.url',
  'video_embed',
  'visual_builder',
  'lowcode',
]);

/**
 * Makes a reader of the given columns: each column's path is split once, not once per record (an
 * export reads tens of columns of hundreds of thousands of records). Documented booleans are
 * normalised to `true`/`false` whether they came as booleans or as "true"/"false" strings in any
 * case, so a column reads the same across years of records; other strings are kept exactly.
 */
export function rowReader(columns: readonly string[]): (record: unknown) => unknown[] {
  const plan = columns.map((c) => ({ keys: c.split('.'), boolean: BOOLEAN_COLUMNS.has(c) }));
  return (record) => {
    const row: unknown[] = new Array(plan.length);
    for (let i = 0; i < plan.length; i++) {
      const { keys, boolean } = plan[i] as (typeof plan)[number];
      let value: unknown = record;
      for (const key of keys) {
        value =
          typeof value === 'object' && value !== null && !Array.isArray(value)
            ? (value as Record<string, unknown>)[key]
            : undefined;
      }
      if (boolean && typeof value === 'string') {
        const lower = value.trim().toLowerCase();
        if (lower === 'true' || lower === 'false') value = lower === 'true';
      }
      row[i] = value;
    }
    return row;
  };
}
