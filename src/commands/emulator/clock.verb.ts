import { arg, defineCommand, type VerbInput } from '../spec.js';

const advanceArgs = { minutes: arg('<minutes>', 'minutes to move, e.g. 90 or -30') };
const setArgs = { time: arg('<time>', 'e.g. 2026-12-01T09:00:00Z') };

/** What `enablex emulator clock advance` runs with. */
export type ClockAdvanceInput = VerbInput<Record<never, never>, typeof advanceArgs>;
/** What `enablex emulator clock set` runs with. */
export type ClockSetInput = VerbInput<Record<never, never>, typeof setArgs>;

const advance = defineCommand({
  name: 'advance',
  summary: 'move the emulator clock by <minutes> (negative goes back; at most 10 years a call)',
  args: advanceArgs,
  examples: [
    ['past the 15 minutes of a token', 'enablex emulator clock advance 16'],
    ['a day later, against the in-process emulator', 'enablex --emulator emulator clock advance 1440'],
  ],
  load: async () => ({ run: (await import('./clock.js')).advance }),
});

const set = defineCommand({
  name: 'set',
  summary: 'set the emulator clock to <time> (ISO 8601 with Z or an offset)',
  args: setArgs,
  examples: [
    ['just before a scheduled room opens', 'enablex emulator clock set 2026-12-01T08:50:00Z'],
    ['09:00 in New York, as JSON', 'enablex emulator clock set 2026-12-01T09:00:00-05:00 -o json'],
  ],
  load: async () => ({ run: (await import('./clock.js')).set }),
});

const show = defineCommand({
  name: 'show',
  summary: "show the emulator's now and its offset from the real clock (ms)",
  examples: [
    ['the time and offset', 'enablex emulator clock show'],
    ['only the time, for a script', 'NOW=$(enablex emulator clock show -q)'],
  ],
  load: async () => ({ run: (await import('./clock.js')).show }),
});

/** `enablex emulator clock advance <minutes> | set <time> | show`: a running emulator's clock. */
export default defineCommand({
  name: 'clock',
  summary: "move, set or show a running emulator's clock (tokens expire, rooms open, sessions end)",
  subcommands: [advance, set, show],
});
