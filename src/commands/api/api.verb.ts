import { arg, bool, defineCommand, text, type VerbInput } from '../spec.js';

const args = {
  method: arg('<method>', 'GET, POST, PATCH, PUT or DELETE (any case)'),
  path: arg('<path>', 'path relative to the base URL, e.g. rooms or /rooms/<room-id>/users'),
};

const flags = {
  data: text('--data <json|@file>', 'JSON body: inline, @file, or @- for standard input'),
  showSecrets: bool('--show-secrets', 'show app_key and password values instead of hiding them'),
};

/** What `enablex api` runs with. */
export type ApiInput = VerbInput<typeof flags, typeof args>;

/** `enablex api <method> <path>`: a raw authenticated call for anything the other commands lack. */
export default defineCommand({
  name: 'api',
  summary: 'send one authenticated request to a path under the base URL and print the answer (JSON)',
  args,
  flags,
  examples: [
    ['every room, raw', 'enablex api get rooms'],
    ['users of a room, one field', 'enablex api GET /rooms/"$ROOM"/users --fields users'],
    ['a token from a JSON file', 'enablex api post rooms/"$ROOM"/tokens --data @token.json'],
    [
      'a body from a pipe',
      'jq -n \'{settings: {quality: "HD"}}\' | enablex api patch rooms/"$ROOM" --data @-',
    ],
  ],
  load: () => import('./call.js'),
});
