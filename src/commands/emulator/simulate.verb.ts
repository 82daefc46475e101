import { arg, bool, defineCommand, textWithDefault, type VerbInput } from '../spec.js';

const args = { roomId: arg('<room-id>', 'the room id', { complete: 'rooms' }) };

const flags = {
  users: textWithDefault('--users <n>', 'how many people take part', '3'),
  minutes: textWithDefault(
    '--minutes <n>',
    'how long the session lasts (a live one ends by itself after that)',
    '12',
  ),
  live: bool(
    '--live',
    'start a session in progress instead (see `enablex users`; end it with `emulator end`)',
  ),
};

/** What `enablex emulator simulate` runs with. */
export type SimulateInput = VerbInput<typeof flags, typeof args>;

/** `enablex emulator simulate <room-id>`: a finished session, or a live one with --live. */
export default defineCommand({
  name: 'simulate',
  summary: 'record a finished session in a room (CDR and archive), or start a live one with --live',
  args,
  flags,
  columns: ['name', 'user_ref', 'role', 'call_num', 'joined_at'],
  examples: [
    [
      'a finished 12-minute session with 3 users, then its CDR',
      `enablex emulator simulate "$ROOM" && enablex cdr --room "$ROOM"`,
    ],
    [
      'a live session of 5 for half an hour',
      'enablex emulator simulate "$ROOM" --live --users 5 --minutes 30',
    ],
    ['against the in-process emulator', 'enablex --emulator emulator simulate "$ROOM" --live'],
  ],
  load: () => import('./simulate.js'),
});
