import { UsageError } from '../../lib/errors.js';
import type { Factory } from '../../factory.js';
import { render } from '../../output/render.js';
import { SummaryBuilder, factsOf, type CdrSummary } from './aggregate.js';
import { fetchRecords } from './fetch.js';
import { parsePlan } from './options.js';
import { resolveFilterRoom } from '../room-ref.js';
import type { SummaryInput } from './summary.verb.js';

/** The sections of the summary, in print order: also the keys `--fields` may pick. */
const SECTIONS = ['by_room', 'by_user', 'by_day', 'quality', 'totals'] as const;
type Section = (typeof SECTIONS)[number];

const HEADINGS: Record<Section, string> = {
  by_room: 'Connected minutes by room',
  by_user: 'Connected minutes by user',
  by_day: 'Connected minutes by day (UTC)',
  quality: 'Call quality',
  totals: 'Totals',
};

/** Checks --fields against the section names (table output prints only those sections). */
function sectionsOf(fields: readonly string[] | undefined): readonly Section[] {
  if (!fields) return SECTIONS;
  for (const field of fields) {
    if (!(SECTIONS as readonly string[]).includes(field)) {
      throw new UsageError(`--fields "${field}" is not a summary section: use ${SECTIONS.join(', ')}.`);
    }
  }
  return SECTIONS.filter((s) => fields.includes(s));
}

/**
 * `enablex cdr summary`: connected minutes by room, user and day, and the call-quality split, over
 * the same filters as the export. Records are counted as they stream in and never held.
 */
export async function run({ opts }: SummaryInput, f: Factory): Promise<void> {
  if (opts.out !== undefined) {
    throw new UsageError('--out is for the record export: redirect the summary instead (> summary.json).');
  }
  const format = f.options.format;
  if (format === 'csv' || format === 'ndjson') {
    throw new UsageError(
      `-o ${format} does not fit a summary of several tables: use -o table, json or yaml.`,
      'For one row per record, use `enablex cdr -o csv`.',
    );
  }
  const sections = format === 'table' ? sectionsOf(f.options.fields) : SECTIONS;
  const plan = parsePlan(opts, f.clock.now());
  plan.filter = await resolveFilterRoom(f, plan.filter);
  const http = await f.http();
  const builder = new SummaryBuilder();
  const done = await f.io.spin('Fetching CDR…', (spinner) =>
    fetchRecords(http, plan, {
      prepare: factsOf,
      emit: (facts) => builder.add(facts),
      progress: (p) =>
        spinner.update(`Fetching CDR: ${p.chunksDone}/${p.chunks} chunks, ${p.records} records`),
      signal: f.signal,
    }),
  );
  const summary = builder.result();
  if (f.options.quiet) {
    f.io.data(summary.by_room, { idField: 'room_id' });
  } else if (format !== 'table') {
    f.io.data(summary);
  } else {
    f.io.raw(renderTables(summary, sections));
  }
  const missing = summary.totals.records_without_minutes;
  if (missing) {
    f.io.note(
      `${missing} of ${summary.totals.records} record${summary.totals.records === 1 ? '' : 's'} had no usage minutes ` +
        '(usage.connect_minutes_cal and usage.connect_minutes missing, as in older records, or not a non-negative number): ' +
        'counted as 0 connected minutes.',
    );
  }
  const d = done.duplicates;
  if (d) f.io.note(`${d} duplicate record${d === 1 ? '' : 's'} dropped.`);
}

/** The summary as small tables (the CLI's usual table style), each under a heading. */
function renderTables(summary: CdrSummary, sections: readonly Section[]): string {
  const none = (v: string | null) => v ?? '(none)';
  const total = summary.totals.records;
  const pct = (n: number) => (total === 0 ? '' : `${((100 * n) / total).toFixed(1)}%`);
  const table = (rows: readonly object[], columns: string[]) =>
    rows.length === 0 ? '(no records)\n' : render(rows, { format: 'table', tableColumns: columns });
  const body: Record<Section, () => string> = {
    by_room: () =>
      table(
        summary.by_room.map((r) => ({ ...r, room_id: none(r.room_id) })),
        ['room_id', 'records', 'connect_minutes'],
      ),
    by_user: () =>
      table(
        summary.by_user.map((u) => ({ ...u, name: none(u.name), ref: none(u.ref) })),
        ['name', 'ref', 'records', 'connect_minutes'],
      ),
    by_day: () =>
      table(
        summary.by_day.map((d) => ({ ...d, day: none(d.day) })),
        ['day', 'records', 'connect_minutes'],
      ),
    quality: () =>
      table(
        (['good', 'bad', 'other'] as const).map((k) => ({
          call_quality: k,
          records: summary.quality[k],
          share: pct(summary.quality[k]),
        })),
        ['call_quality', 'records', 'share'],
      ),
    totals: () =>
      table(
        [summary.totals],
        summary.totals.records_without_minutes
          ? ['records', 'connect_minutes', 'records_without_minutes']
          : ['records', 'connect_minutes'],
      ),
  };
  return sections.map((s) => `${HEADINGS[s]}\n${body[s]()}`).join('\n');
}
