import { describe, expect, it } from 'vitest';
import { formatIsoUtc, localZone, offsetOf, parseDateTime, showsUtc, utcNote } from '../../src/lib/time.js';

const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : v);

describe('parseDateTime: flags are UTC unless the time says otherwise', () => {
  it.each<[string, string]>([
    ['2026-12-01 15:00', '2026-12-01T15:00:00.000Z'],
    ['2026-12-01 15:00:30', '2026-12-01T15:00:30.000Z'],
    ['2026-12-01T15:00:00Z', '2026-12-01T15:00:00.000Z'],
    ['2026-12-01 15:00Z', '2026-12-01T15:00:00.000Z'],
    ['2026-12-01 15:00 UTC', '2026-12-01T15:00:00.000Z'],
    ['2026-12-01T15:00:00+01:00', '2026-12-01T14:00:00.000Z'],
    ['2026-12-01 10:00 -05:00', '2026-12-01T15:00:00.000Z'],
    ['2026-12-01T20:30+0530', '2026-12-01T15:00:00.000Z'],
    ['2026-12-01T10:00-05', '2026-12-01T15:00:00.000Z'],
    ['2026-12-01T15:00:00.250z', '2026-12-01T15:00:00.000Z'],
  ])('%s -> %s', (raw, expected) => {
    expect(iso(parseDateTime(raw))).toBe(expected);
  });

  it.each<[string, RegExp]>([
    ['2026-12-01T15:00', /an ISO time needs Z or an offset/],
    ['2026-12-01', /use "YYYY-MM-DD HH:MM:SS" \(UTC\)/],
    ['tomorrow 15:00', /use "YYYY-MM-DD HH:MM:SS" \(UTC\)/],
    ['2026-02-30 10:00', /not a real date and time/],
    ['2026-12-01T15:00+15:00', /outside -14:00..\+14:00/],
    ['2026-12-01T15:00+05:75', /minutes 00-59/],
  ])('refuses %s', (raw, message) => {
    expect(parseDateTime(raw)).toMatch(message);
  });
});

describe('zones', () => {
  const at = new Date('2026-12-01T15:00:00Z');

  it('takes TZ from the environment given, ignoring a leading colon and unknown names', () => {
    expect(localZone({ TZ: 'America/New_York' })).toBe('America/New_York');
    expect(localZone({ TZ: ':Asia/Kolkata' })).toBe('Asia/Kolkata');
    expect(localZone({ TZ: 'Not/AZone' })).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('says both times when the zone does not show UTC', () => {
    expect(utcNote('--scheduled-time', at, 'America/New_York')).toBe(
      '--scheduled-time: Tue 2026-12-01 15:00 UTC = Tue 2026-12-01 10:00 America/New_York',
    );
    expect(utcNote('--scheduled-time', at, 'Pacific/Auckland')).toBe(
      '--scheduled-time: Tue 2026-12-01 15:00 UTC = Wed 2026-12-02 04:00 Pacific/Auckland',
    );
  });

  it('says nothing in UTC, or in a zone that shows UTC at that moment', () => {
    for (const zone of ['UTC', 'Etc/UTC', 'Europe/London']) expect(utcNote('--x', at, zone)).toBeUndefined();
    expect(showsUtc(new Date('2026-07-01T15:00:00Z'), 'Europe/London')).toBe(false);
  });

  it('gives offsets and ISO UTC as ISO 8601 writes them', () => {
    expect(offsetOf(at, 'America/New_York')).toBe('-05:00');
    expect(offsetOf(at, 'Asia/Kolkata')).toBe('+05:30');
    expect(offsetOf(at, 'UTC')).toBe('+00:00');
    expect(formatIsoUtc(new Date('2026-12-01T04:30:00.123Z'))).toBe('2026-12-01T04:30:00Z');
  });
});
