/** Hints for the documented EnableX result codes (NOTES.md), one place for every message. */
export const RESULT_HINTS: Readonly<Record<string, string>> = {
  '10000':
    'The application was not found: check the app id and app key (`enablex doctor` shows which source is used).',
  '40001': 'No room has that id: list rooms with `enablex room list`.',
  '40002':
    'The token was denied: a token works once and for 15 minutes; create a new one with `enablex token <room>`.',
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
  '50005': 'EnableX reported an internal error: try again later.',
};

/** Result codes that mean "the credentials are wrong". */
export const AUTH_RESULTS = new Set(['10000']);
/** Result codes that mean "no such resource". */
export const NOT_FOUND_RESULTS = new Set(['40001']);
