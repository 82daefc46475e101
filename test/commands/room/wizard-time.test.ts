import { describe, expect, it } from 'vitest';
import { offsetLabel, readStartTime, type StartReading } from '../../../src/commands/room/wizard-time.js';

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
