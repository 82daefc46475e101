import { defineCommand, variadicArg, type VerbInput } from '../spec.js';

const args = {
  roomIds: variadicArg('<room-id...>', 'one or more room ids (or names, each unique)', { complete: 'rooms' }),
};

/** What `enablex room delete` runs with. */
export type DeleteInput = VerbInput<Record<never, never>, typeof args>;

/** `enablex room delete <room-id...>`. */
export default defineCommand({
  name: 'delete',
  summary: 'delete rooms (asks first on a terminal; needs --yes otherwise)',
  args,
  examples: [
    ['delete one room, no question', 'enablex room delete "$ROOM" --yes'],
    [
      'delete every room of an owner',
      'enablex room list --owner-ref old-team -q | xargs -r enablex room delete --yes',
    ],
  ],
  load: () => import('./delete.js'),
});
