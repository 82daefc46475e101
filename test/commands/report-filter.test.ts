import { Command } from 'commander';
import { addCommand, readInput } from '../../src/commands/adapter.js';
import type { CommandSpec, VerbInput } from '../../src/commands/spec.js';
import { describe, expect, it } from 'vitest';
import { reportFilterFlags } from '../../src/commands/report-filter-flags.js';
import {
  isoDay,
  parseReportDate,
  periodDays,
  resolveFilter,
  splitPeriod,
} from '../../src/commands/report-filter.js';
import { UsageError } from '../../src/lib/errors.js';

const NOW = new Date('2026-11-29T12:00:00Z');

describe('parseReportDate', () => {
  it.each([
    ['2024-03-22', NOW, '2024-03-22'],
    ['2028-02-29', NOW, '2028-02-29'],
    ['2000-02-29', NOW, '2000-02-29'],
    ['2024-01-31', NOW, '2024-01-31'],
    ['2024-04-30', NOW, '2024-04-30'],
    ['2024-12-31', NOW, '2024-12-31'],
    ['today', NOW, '2026-11-29'],
    [' TODAY ', NOW, '2026-11-29'],
    ['yesterday', NOW, '2026-11-28'],
    ['0d', NOW, '2026-11-29'],
    ['7d', NOW, '2026-11-22'],
    ['30d', NOW, '2026-10-30'],
    ['365d', NOW, '2025-11-29'],
    // `today` is the UTC day: exactly midnight already belongs to the new day, one ms before does not.
    ['today', new Date('2026-11-29T00:00:00.000Z'), '2026-11-29'],
    ['today', new Date('2026-11-28T23:59:59.999Z'), '2026-11-28'],
    ['yesterday', new Date('2026-11-29T00:00:00.000Z'), '2026-11-28'],
    ['yesterday', new Date('2026-01-01T00:00:00.000Z'), '2025-12-31'],
    ['1d', new Date('2028-03-01T08:00:00Z'), '2028-02-29'],
    ['1d', new Date('2027-03-01T08:00:00Z'), '2027-02-28'],
    ['today', new Date('2026-11-29T23:30:00+05:30'), '2026-11-29'],
  ])('%s at %s is %s', (raw, now, want) => {
    expect(parseReportDate(raw, '--from', now)).toBe(want);
  });

  it.each([
    ['2027-02-29', /not a real day \(2027 is not a leap year\)/],
    ['2100-02-29', /2100 is not a leap year/],
    ['2024-02-30', /not a real day/],
    ['2024-04-31', /not a real day/],
    ['2024-13-01', /not a real day/],
    ['2024-00-10', /not a real day/],
    ['2024-01-00', /not a real day/],
    ['2024-1-5', /not a date: use YYYY-MM-DD/],
    ['24-01-05', /not a date/],
    ['2024/01/05', /not a date/],
    ['tomorrow', /not a date/],
    ['-1d', /not a date/],
    ['1.5d', /not a date/],
    ['7 days', /not a date/],
    ['', /not a date/],
  ])('refuses %j', (raw, message) => {
    expect(() => parseReportDate(raw, '--to', NOW)).toThrow(UsageError);
    expect(() => parseReportDate(raw, '--to', NOW)).toThrow(message);
    expect(() => parseReportDate(raw, '--to', NOW)).toThrow(/--to/);
  });
});

describe('resolveFilter', () => {
  it.each([
    [{ conf: '100200300' }, { by: 'conf', conf: '100200300' }],
    [{ room: 'r1' }, { by: 'room', room: 'r1' }],
    [
      { from: '2024-03-01', to: '2024-03-31' },
      { by: 'period', from: '2024-03-01', to: '2024-03-31' },
    ],
    [
      { from: '2024-03-05', to: '2024-03-05' },
      { by: 'period', from: '2024-03-05', to: '2024-03-05' },
    ],
    [
      { room: 'r1', from: '7d', to: 'today' },
      { by: 'room-period', room: 'r1', from: '2026-11-22', to: '2026-11-29' },
    ],
  ])('%j -> %j', (flags, want) => {
    expect(resolveFilter(flags, NOW)).toEqual(want);
  });

  it.each([
    [{}, /give a filter/],
    [{ conf: 'c', room: 'r' }, /--conf cannot be combined/],
    [{ conf: 'c', from: 'today', to: 'today' }, /--conf cannot be combined/],
    [{ conf: 'c', to: 'today' }, /--conf cannot be combined/],
    [{ from: 'today' }, /--from needs --to/],
    [{ to: 'today' }, /--to needs --from/],
    [{ room: 'r', from: 'today' }, /--from needs --to/],
    [{ from: '2024-03-02', to: '2024-03-01' }, /--from 2024-03-02 is after --to 2024-03-01/],
    [{ from: 'today', to: 'yesterday' }, /is after --to/],
    [{ room: ' ' }, /--room is empty/],
    [{ conf: '' }, /--conf "" is not a conference number/],
    [{ conf: '12a' }, /--conf "12a" is not a conference number: they are digits only/],
    [{ from: '2026-11-30', to: '2026-11-30' }, /--from 2026-11-30 is in the future/],
    [{ from: '2027-02-29', to: '2027-03-01' }, /--from "2027-02-29" is not a real day/],
  ])('%j is refused', (flags, message) => {
    expect(() => resolveFilter(flags, NOW)).toThrow(UsageError);
    expect(() => resolveFilter(flags, NOW)).toThrow(message);
  });
});

describe('splitPeriod', () => {
  it.each([
    ['2024-03-01', '2024-03-01', 7, [['2024-03-01', '2024-03-01']]],
    [
      '2024-03-01',
      '2024-03-14',
      7,
      [
        ['2024-03-01', '2024-03-07'],
        ['2024-03-08', '2024-03-14'],
      ],
    ],
    [
      '2024-03-01',
      '2024-03-15',
      7,
      [
        ['2024-03-01', '2024-03-07'],
        ['2024-03-08', '2024-03-14'],
        ['2024-03-15', '2024-03-15'],
      ],
    ],
    [
      '2028-02-27',
      '2028-03-01',
      1,
      [
        ['2028-02-27', '2028-02-27'],
        ['2028-02-28', '2028-02-28'],
        ['2028-02-29', '2028-02-29'],
        ['2028-03-01', '2028-03-01'],
      ],
    ],
    [
      '2026-12-30',
      '2027-01-02',
      2,
      [
        ['2026-12-30', '2026-12-31'],
        ['2027-01-01', '2027-01-02'],
      ],
    ],
    ['2024-01-01', '2024-12-31', 366, [['2024-01-01', '2024-12-31']]],
  ])('%s..%s by %d', (from, to, days, want) => {
    expect(splitPeriod(from, to, days).map((c) => [c.from, c.to])).toEqual(want);
  });

  it('covers every day exactly once', () => {
    const chunks = splitPeriod('2024-01-01', '2024-12-31', 5);
    const days: string[] = [];
    for (const c of chunks) {
      for (let t = Date.parse(`${c.from}T00:00:00Z`); t <= Date.parse(`${c.to}T00:00:00Z`); t += 86_400_000) {
        days.push(isoDay(new Date(t)));
      }
    }
    expect(days.length).toBe(366);
    expect(new Set(days).size).toBe(366);
    expect(days[0]).toBe('2024-01-01');
    expect(days.at(-1)).toBe('2024-12-31');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a chunk size of %s instead of looping forever', (days) => {
    expect(() => splitPeriod('2024-01-01', '2024-01-31', days)).toThrow(RangeError);
  });
});

describe('periodDays', () => {
  it.each([
    ['2024-03-01', '2024-03-01', 1],
    ['2024-02-01', '2024-03-01', 30],
    ['2023-02-01', '2023-03-01', 29],
    ['2024-01-01', '2024-12-31', 366],
    ['2024-03-02', '2024-03-01', 0],
  ])('%s..%s is %d days', (from, to, want) => {
    expect(periodDays(from, to)).toBe(want);
  });
});

describe('reportFilterFlags', () => {
  const noLoad = async () => ({ run: async () => undefined });
  /** Parses argv with a noun and its verb both declaring the filters; returns what the verb reads. */
  const parse = async (argv: string[]): Promise<Record<string, unknown>> => {
    let input: VerbInput | undefined;
    const verb: CommandSpec = {
      name: 'sub',
      summary: 's',
      flags: reportFilterFlags({ shared: true }),
      load: noLoad,
    };
    const noun: CommandSpec = {
      name: 'x',
      summary: 'x',
      flags: reportFilterFlags(),
      load: noLoad,
      subcommands: [verb],
    };
    const program = new Command().exitOverride();
    addCommand(program, noun, (spec) => async (...args) => {
      input = readInput(spec, args[args.length - 1] as Command);
    });
    await program.parseAsync(argv, { from: 'user' });
    return { ...input?.opts, given: ['conf', 'room', 'from', 'to'].filter((k) => input?.given(k)) };
  };

  it('declares --conf, --room, --from and --to, with no defaults', () => {
    const flags = Object.values(reportFilterFlags());
    expect(flags.map((f) => f.flags)).toEqual([
      '--conf <conf_num>',
      '--room <room-id>',
      '--from <date>',
      '--to <date>',
    ]);
    expect(flags.every((f) => f.defaultValue === undefined && f.shared === undefined)).toBe(true);
  });

  it('a verb sharing them with its noun reads them given before or after its name', async () => {
    expect(await parse(['x', 'sub', '--conf', '123', '--room', 'r1'])).toEqual({
      conf: '123',
      room: 'r1',
      from: undefined,
      to: undefined,
      given: ['conf', 'room'],
    });
    expect(await parse(['x', '--from', '7d', 'sub', '--to', 'today'])).toMatchObject({
      from: '7d',
      to: 'today',
      given: ['from', 'to'],
    });
  });

  it('the noun reads its own', async () => {
    expect(await parse(['x', '--conf', '9'])).toMatchObject({ conf: '9', given: ['conf'] });
  });
});
