import { TOKEN_ROLES } from '../../api/token-roles.js';
import { arg, bool, choiceWithDefault, defineCommand, list, required, type VerbInput } from '../spec.js';

const args = {
  roomId: arg('<room-id>', 'the room id, or its name when no other room has it', { complete: 'rooms' }),
};

const flags = {
  name: required('--name <name>', 'name of the user who joins'),
  userRef: required('--user-ref <ref>', 'your reference for the user, shown in reports'),
  role: choiceWithDefault(
    '--role <role>',
    'role in the session (audience only for HLS rooms)',
    TOKEN_ROLES,
    'participant',
  ),
  data: list('--data <key=value>', 'custom user data, at most 5 keys (repeatable)'),
  decode: bool('--decode', "also show the token's readable contents (a view, not a verification)"),
};

/** What `enablex token` runs with. */
export type TokenInput = VerbInput<typeof flags, typeof args>;

/** `enablex token <room-id>`: create a token to join a room. */
export default defineCommand({
  name: 'token',
  summary: 'create a token for one user to join a room (single use, valid 15 minutes)',
  args,
  flags,
  examples: [
    [
      'a participant token, printed alone for a script',
      'TOKEN=$(enablex token "$ROOM" --name "Ada Lovelace" --user-ref u-42 -q)',
    ],
    [
      'a moderator token with custom data, as JSON',
      'enablex token "$ROOM" --name Host --user-ref u-1 --role moderator --data team=blue -o json',
    ],
    ['see what the token carries', 'enablex token "$ROOM" --name Ada --user-ref u-42 --decode'],
  ],
  load: () => import('./create.js'),
});
