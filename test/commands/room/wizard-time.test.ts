import { describe, expect, it } from 'vitest';
import { formatLocal, formatUtc, localZone } from '../../../src/time.js';
import { parseLocalTime } from '../../../src/commands/room/wizard-time.js';

const NOW = new Date('2026-11-29T12:00:00Z');

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
      '2026-03-08 02:30 does not exist in America/New_York (the clocks skip it that day); pick another time',
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
