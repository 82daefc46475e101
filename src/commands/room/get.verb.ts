import { arg, defineCommand, type VerbInput } from '../spec.js';

const args = {
  roomId: arg('<room-id>', 'the room id, or its name when no other room has it', { complete: 'rooms' }),
};

/** What `enablex room get` runs with. */
export type GetInput = VerbInput<Record<never, never>, typeof args>;

/** `enablex room get <room-id>`. */
export default defineCommand({
  name: 'get',
  summary: 'show one room',
  args,
  examples: [
    ['one room as JSON', 'enablex room get 5f3b2c1a9d8e7f6a5b4c3d2e -o json'],
    ['just its settings', 'enablex room get "$ROOM" --json --fields settings'],
  ],
  load: () => import('./get.js'),
});
