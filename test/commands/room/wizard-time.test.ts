import { describe, expect, it } from 'vitest';
import { formatLocal, formatUtc, localZone } from '../../../src/lib/time.js';
import { offsetLabel, readStartTime, type StartReading } from '../../../src/commands/room/wizard/time.js';

const NOW = new Date('2026-11-29T12:00:00Z');

/** readStartTime as one answer: the instant (the earlier of an ambiguous pair) or the rule broken. */
function parseLocalTime(raw: string, zone: string, now: Date): Date | string {
  const r = readStartTime(raw, zone, now);
  if (r.kind === 'error') return r.message;
  return r.kind === 'at' ? r.at : r.instants[0];
}

describe('parseLocalTime', () => {
  it.each([
    ['2026-12-01 09:30', 'Asia/Kolkata', '2026-12-01 04:00:00'],
    ['2026-12-01 9:30', 'Asia/Kolkata', '2026-12-01 04:00:00'],
    ['2026-12-01T09:30:15', 'Asia/Kolkata', '2026-12-01 04:00:15'],
    ['2026-12-01 00:10', 'Asia/Kolkata', '2026-11-30 18:40:00'],
    ['2026-07-01 09:00', 'Europe/Paris', '2026-07-01 07:00:00'],
    ['2026-12-01 09:00', 'Europe/Paris', '2026-12-01 08:00:00'],
    ['2026-12-01 09:00', 'UTC', '2026-12-01 09:00:00'],
    ['2026-12-01 09:00', 'Pacific/Chatham', '2026-11-30 19:15:00'],
    // The test clock is 17:30 in Kolkata, 07:00 in New York.
    ['today 20:00', 'Asia/Kolkata', '2026-11-29 14:30:00'],
    ['tomorrow 15:00', 'Asia/Kolkata', '2026-11-30 09:30:00'],
    ['Tomorrow at 9:05', 'America/New_York', '2026-11-30 14:05:00'],
    // The day after a change of clocks: 2026-11-01 is the end of DST in New York.
    ['2026-11-01 12:00', 'America/New_York', '2026-11-01 17:00:00'],
    // Ambiguous hour (clocks go back): the first of the two.
    ['2026-11-01 01:30', 'America/New_York', '2026-11-01 05:30:00'],
    // A time with its own offset is taken as written.
    ['2026-12-01T09:30:00+01:00', 'Asia/Kolkata', '2026-12-01 08:30:00'],
    ['2026-12-01T09:30:00Z', 'Asia/Kolkata', '2026-12-01 09:30:00'],
  ])('%s in %s is %s UTC', (raw, zone, utc) => {
    const at = parseLocalTime(raw, zone, NOW);
    expect(at).toBeInstanceOf(Date);
    expect(formatUtc(at as Date)).toBe(utc);
  });

  it.each([
    ['2026-02-30 10:00', /is not a real date and time/],
    ['2026-12-01 24:00', /is not a real date and time/],
    ['next week', /^use "YYYY-MM-DD HH:MM" in your time zone \(Asia\/Kolkata\)/],
    ['01/12/2026 10:00', /^use "YYYY-MM-DD HH:MM"/],
    ['', /^use "YYYY-MM-DD HH:MM"/],
  ])('%j is refused: %s', (raw, message) => {
    expect(parseLocalTime(raw, 'Asia/Kolkata', NOW)).toMatch(message);
  });

  it('refuses a time the clocks skip', () => {
    expect(parseLocalTime('2026-03-08 02:30', 'America/New_York', NOW)).toBe(
      '2026-03-08 02:30 does not exist in America/New_York: the clocks go forward 60 minutes that night ' +
        '(daylight saving time) and skip it; pick a time outside the gap, such as 03:30',
    );
  });
});

describe('formatLocal', () => {
  it.each([
    ['2026-12-01T04:00:00Z', 'Asia/Kolkata', 'Tue 2026-12-01 09:30'],
    ['2026-11-30T18:40:00Z', 'Asia/Kolkata', 'Tue 2026-12-01 00:10'],
    ['2026-11-30T18:40:30Z', 'UTC', 'Mon 2026-11-30 18:40:30'],
  ])('%s in %s reads %s', (iso, zone, text) => {
    expect(formatLocal(new Date(iso), zone)).toBe(text);
  });
});

describe('localZone', () => {
  const system = Intl.DateTimeFormat().resolvedOptions().timeZone;
  it.each([
    [{ TZ: 'Asia/Kolkata' }, 'Asia/Kolkata'],
    [{ TZ: ':Europe/Paris' }, 'Europe/Paris'],
    [{ TZ: 'Not/AZone' }, system],
    [{ TZ: '' }, system],
    [{}, system],
  ])('%j -> %s', (env, zone) => {
    expect(localZone(env)).toBe(zone);
  });
});

/** The reading in one line: the instant in UTC (and the day a bare time means), both instants, or the error. */
function brief(r: StartReading): string {
  if (r.kind === 'error') return `error: ${r.message}`;
  if (r.kind === 'ambiguous') return `ambiguous: ${r.instants.map((d) => d.toISOString()).join(' or ')}`;
  return `${r.at.toISOString()}${r.day ? ` (${r.day})` : ''}`;
}

const NY = 'America/New_York';
/** Sat 31 Oct 2026 20:00 in New York (EDT); the clocks go back at 02:00 on Sun 1 Nov. */
const evening = new Date('2026-11-01T00:00:00Z');

describe('start times typed in the organiser zone', () => {
  it.each<[string, string]>([
    ['23:30', '2026-11-01T03:30:00.000Z (today)'],
    ['19:00', '2026-11-02T00:00:00.000Z (tomorrow)'],
    ['at 7:15 pm', '2026-11-02T00:15:00.000Z (tomorrow)'],
    ['9pm', '2026-11-01T01:00:00.000Z (today)'],
    ['tomorrow 9am', '2026-11-01T14:00:00.000Z'],
    ['tomorrow at 9:30 AM', '2026-11-01T14:30:00.000Z'],
    ['today 12pm', '2026-10-31T16:00:00.000Z'],
    ['tomorrow 12am', '2026-11-01T04:00:00.000Z'],
    ['2026-12-01 09:30', '2026-12-01T14:30:00.000Z'],
    ['2026-12-01T09:30:00Z', '2026-12-01T09:30:00.000Z'],
  ])('%s → %s', (typed, expected) => {
    expect(brief(readStartTime(typed, NY, evening))).toBe(expected);
  });

  it.each(['13pm', '0am', '9', '25:00', 'tomorrow 7:61', 'soon'])(
    '%s is refused with the forms that work',
    (typed) => {
      expect(brief(readStartTime(typed, NY, evening))).toMatch(/^error: .*"23:30" or "tomorrow 9am"/);
    },
  );

  it('a time the clocks pass twice (the hour they go back) has two instants, earlier first', () => {
    expect(brief(readStartTime('2026-11-01 01:30', NY, evening))).toBe(
      'ambiguous: 2026-11-01T05:30:00.000Z or 2026-11-01T06:30:00.000Z',
    );
    expect(brief(readStartTime('tomorrow 1:30am', NY, evening))).toMatch(/^ambiguous: /);
    expect(offsetLabel(NY, new Date('2026-11-01T05:30:00Z'))).toBe('UTC-04:00');
    expect(offsetLabel(NY, new Date('2026-11-01T06:30:00Z'))).toBe('UTC-05:00');
  });

  it('a time the clocks skip (the hour they go forward) is refused, saying why and what to pick', () => {
    expect(brief(readStartTime('2027-03-14 02:30', NY, evening))).toBe(
      'error: 2027-03-14 02:30 does not exist in America/New_York: the clocks go forward 60 minutes ' +
        'that night (daylight saving time) and skip it; pick a time outside the gap, such as 03:30',
    );
  });

  it('zones without daylight saving never ask', () => {
    expect(brief(readStartTime('2026-11-01 01:30', 'Asia/Kolkata', evening))).toBe(
      '2026-10-31T20:00:00.000Z',
    );
  });
});
