/** Hints for the documented EnableX result codes (NOTES.md), one place for every message. */
export const RESULT_HINTS: Readonly<Record<string, string>> = {
  '10000':
    'The application was not found: check the app id and app key (`enablex doctor` shows which source is used).',
  '40001': 'No room has that id: list rooms with `enablex room list`.',
  // 40002 is what the create-token call itself answers ("Token denied. Unauthorized"): asking again changes nothing.
  '40002':
    "The token was denied as unauthorized: these credentials may not issue tokens for this room (a room of another application, or an application without that right). Check the room id with `enablex room get`, the app id and key with `enablex doctor`, and the application's rights in the EnableX portal.",
  '10001': 'The room id is missing from the request: pass it as the first argument.',
  '10003': 'settings.scheduled must be true or false.',
  '10008': 'settings.auto_recording must be true or false.',
  '10012': 'The active talkers setting is invalid: give --max-active-talkers a whole number from 1 to 16.',
  '10013': 'The wait-for-moderator setting must be true or false (--wait-for-moderator).',
  '10015': 'A SIP room needs a SIP URI (sip.uri).',
  '10016': 'settings.adhoc must be true or false.',
  '10017': 'settings.adhoc does not fit the room: a room cannot be both adhoc and scheduled, pick one.',
  '10018': 'A setting does not apply to this room type: remove it from the body.',
  '10019': 'The mode must be group or lecture.',
  '10020': 'The mode does not fit this room: group or lecture.',
  '10021':
    'The room quality may not exceed the application quality set in the portal: use a lower --quality.',
  '10022': 'The moderator count is invalid: give --moderators a whole number.',
  '10023': 'The moderator count does not fit this room type.',
  '10024': 'settings.peep is not readable: use true or false.',
  '10025': 'The knock setting must be true or false (--knock).',
  '10026': 'The SIP URI (settings.aor) is not valid.',
  '10002': 'The room needs a name: pass --name.',
  '10010': 'The room needs an owner reference: pass --owner-ref.',
  '10004': 'A scheduled room needs --scheduled-time "YYYY-MM-DD HH:MM:SS" (UTC).',
  '10005': 'The scheduled time must look like "YYYY-MM-DD HH:MM:SS" (UTC).',
  '10006':
    'The scheduled time was refused (unreadable or in the past): give a future time as "YYYY-MM-DD HH:MM:SS" (UTC).',
  '10007': 'The participant count is invalid: see the limits in `enablex room create --help`.',
  '10009': 'The body holds a key the API does not know: remove it from the --file body.',
  '10011': 'The duration is invalid: give --duration in minutes, at least 10.',
  '10014': 'The quality must be one of HD, SD, LD.',
  '10030': 'The room has a session in progress: update it after the session ends.',
  '10101': 'The token needs a user name: pass --name.',
  '10102': 'The token needs a user reference: pass --user-ref.',
  '10103': 'The token role is missing: pass --role.',
  '10104': 'The role must be one of moderator, participant, viewer, audience (audience only for HLS rooms).',
  '10105': 'The server is busy: try again in a moment.',
  '10106': 'A room type (mode, scheduled, adhoc) cannot be changed: create a new room instead.',
  '10111': 'The conference is over: scheduled rooms accept tokens only until their duration ends.',
  '10112': 'Too early or too late: a scheduled room accepts tokens from 15 minutes before its start.',
  '10113': 'The room is not active now.',
  '10114': 'The room is full: raise --participants with `enablex room update`.',
  '10201': 'A CDR parameter is missing: check --conf, --room, --from and --to.',
  '10202': 'A CDR parameter is missing: check --conf, --room, --from and --to.',
  '10203': 'A CDR parameter is missing: check --conf, --room, --from and --to.',
  '10204': 'A CDR parameter is missing: check --conf, --room, --from and --to.',
  '10205': 'A CDR parameter is missing: check --conf, --room, --from and --to.',
  '50000': 'EnableX reported an internal error: try again later.',
  '50001': 'EnableX could not create the resource: check the body with --dry-run, then try again.',
  '50002': 'EnableX could not list the resources: try again later.',
  '50003': 'EnableX could not read the resource: try again later.',
  '50004': 'EnableX could not delete the room: it may have a session in progress.',
  '50005': 'EnableX could not delete the room: it may have a session in progress; try again later.',
};

/** Result codes that mean "the credentials are wrong". */
export const AUTH_RESULTS = new Set(['10000']);
/** Result codes that mean "no such resource". */
export const NOT_FOUND_RESULTS = new Set(['40001']);
