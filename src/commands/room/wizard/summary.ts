import { formatLocal, formatUtc, parseDateTime } from '../../../lib/time.js';
import { padToWidth, textWidth } from '../../../output/width.js';
import type { WizardIO } from './ask.js';
import { settingLabel, show } from './ask.js';
import { roomType, type RoomType, type WizardState } from './state.js';

/** One line on each room type, for the type question and the summary. */
export const TYPE_INFO: Record<RoomType, string> = {
  permanent: 'always open; join any time, reuse it for recurring meetings',
  scheduled: 'one session at a set time and length; join from 15 min before',
  adhoc: 'instant; deleted after its first session unless it has a duration',
};

/** Tokens for a scheduled room are given from this long before its start (NOTES.md). */
export const JOIN_EARLY_MINUTES = 15;

/** The flags the main questions ask; every other setting is under "more settings". */
export const MAIN_FLAGS: readonly string[] = [
  'name',
  'owner-ref',
  'scheduled',
  'adhoc',
  'scheduled-time',
  'duration',
  'mode',
  'moderators',
  'participants',
  'quality',
  'auto-recording',
];

const both = (date: Date, zone: string) => `${formatLocal(date, zone)} ${zone}  (${formatUtc(date)} UTC)`;

/** Start and join window of a scheduled room, in local time and UTC; empty until both are known. */
export function scheduleRows(answers: ReadonlyMap<string, unknown>, zone: string): [string, string][] {
  const time = answers.get('scheduled-time');
  if (typeof time !== 'string') return [];
  const start = parseDateTime(time);
  if (typeof start === 'string') return [];
  const rows: [string, string][] = [['Starts', both(start, zone)]];
  const minutes = Number(answers.get('duration'));
  if (!Number.isFinite(minutes) || minutes <= 0) return rows;
  const opens = new Date(start.getTime() - JOIN_EARLY_MINUTES * 60_000);
  const closes = new Date(start.getTime() + minutes * 60_000);
  rows.push(['Join window', `opens  ${both(opens, zone)}`], ['', `closes ${both(closes, zone)}`]);
  return rows;
}

/** The answers as label/value rows, in the order they were asked. */
export function summaryRows(state: WizardState, zone: string): [string, string][] {
  const a = state.answers;
  const type = roomType(a);
  const rows: [string, string][] = [
    ['Name', show(a.get('name'))],
    ['Owner ref', show(a.get('owner-ref'))],
    ['Type', `${type}: ${TYPE_INFO[type]}`],
  ];
  if (type === 'scheduled') {
    const [start, ...window] = scheduleRows(a, zone);
    if (start) rows.push(start);
    rows.push(['Duration', `${show(a.get('duration'))} minutes`], ...window);
  }
  if (type === 'adhoc') {
    rows.push([
      'Duration',
      a.has('duration')
        ? `${show(a.get('duration'))} minutes (the room stays after its first session)`
        : 'none (the room is deleted after its first session)',
    ]);
  }
  rows.push(
    ['Mode', show(a.get('mode'))],
    ['Moderators', show(a.get('moderators'))],
    ['Participants', show(a.get('participants'))],
    ['Quality', a.has('quality') ? show(a.get('quality')) : 'subscription default'],
    ['Auto-recording', show(a.get('auto-recording') ?? false)],
  );
  for (const [flag, value] of a) {
    if (!MAIN_FLAGS.includes(flag)) rows.push([settingLabel(flag), show(value)]);
  }
  for (const [key, value] of Object.entries(state.data ?? {})) rows.push([`Data ${key}`, value]);
  return rows;
}

/** Prints the summary block on stderr. */
export function printSummary(state: WizardState, io: WizardIO): void {
  const rows = summaryRows(state, io.zone);
  const width = Math.max(...rows.map(([label]) => textWidth(label)));
  io.say('');
  io.say(io.c.bold('Summary'));
  for (const [label, value] of rows) io.say(`  ${io.c.dim(padToWidth(label, width))}  ${value}`);
  io.say('');
}
