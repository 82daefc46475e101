import { arg, defineCommand, type VerbInput } from '../spec.js';

const args = { token: arg('<token>', 'a token from `enablex token`, or - to read it from stdin') };

/** What `enablex emulator join` runs with. */
export type JoinInput = VerbInput<Record<never, never>, typeof args>;

/** `enablex emulator join <token>`: use a token as a client would. */
export default defineCommand({
  name: 'join',
  summary: 'use a token as a client would: single use, within its 15 minutes',
  args,
  examples: [
    [
      'create a token and join with it',
      'enablex token "$ROOM" --name Ann --user-ref u1 -q | enablex emulator join -',
    ],
    ['join with a saved token; a second join is refused', 'enablex emulator join "$TOKEN" -o json'],
  ],
  load: () => import('./join.js'),
});
