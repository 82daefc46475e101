import { basename, dirname, resolve } from 'node:path';
import { removeDeadRunFiles } from '../../lib/fs/spool-files.js';
import { UsageError } from '../../lib/errors.js';
import type { Factory } from '../../factory.js';
import { fetchRecords, type FetchProgress } from './fetch.js';
import { exportFormat, parsePlan } from './options.js';
import { fileSink, stdoutSink, type Sink } from './sink.js';
import { hiddenNote } from '../../output/printer.js';
import { CDR_COLUMNS, OLDER_CDR_FIELDS } from './columns.js';
import { createWriter } from './writers.js';
import { quietWriter } from './quiet-writer.js';
import { resolveFilterRoom } from '../room-ref.js';
import type { ExportInput } from './index.js';

/**
 * Checks --fields before any request. Records drifted over the years (older ones carry
 * `user.confName`, `user.token`; newer ones fields the docs never listed), so any dotted path is
 * taken; a malformed one (an empty part) is refused, and one no documented record of any era has
 * gets a note, as it is most likely a typo: its column stays empty unless the records carry it.
 */
export function checkCdrFields(fields: readonly string[], note: (line: string) => void = () => {}): void {
  const bad = fields.filter((f) => f.split('.').some((part) => part.trim() === ''));
  if (bad.length) {
    throw new UsageError(
      `--fields: ${bad.map((f) => `"${f}"`).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not a dotted path (a part is empty).`,
      'Name keys as in `-o json`, nested ones joined by dots: --fields cdr_id,user.name,usage.connect_minutes.',
    );
  }
  const documented = [...CDR_COLUMNS, ...OLDER_CDR_FIELDS];
  const unknown = fields.filter(
    (f) => !documented.some((c) => c === f || c.startsWith(`${f}.`) || f.startsWith(`${c}.`)),
  );
  if (unknown.length) {
    note(
      `--fields: ${unknown.map((f) => `"${f}"`).join(', ')} ${unknown.length === 1 ? 'is not a documented CDR field' : 'are not documented CDR fields'}: empty unless the records carry ${unknown.length === 1 ? 'it' : 'them'} (\`-o json\` shows every key a record has).`,
    );
  }
}

/** "3/31 chunks, 12,345 records" for the progress line. */
function progressText(p: FetchProgress): string {
  const chunks = p.chunks > 1 ? `${p.chunksDone}/${p.chunks} chunks, ` : '';
  return `Fetching CDR: ${chunks}${p.records.toLocaleString('en-US')} records`;
}

/**
 * `enablex cdr`: streams the records of one filter to stdout or, atomically, to --out. A period is
 * fetched in chunks a few at a time and written in order as each chunk's turn comes; any failed
 * chunk fails the whole export and leaves no file behind.
 */
export async function run({ opts }: ExportInput, f: Factory): Promise<void> {
  const plan = parsePlan(opts, f.clock.now());
  if (opts.out !== undefined && opts.out.trim() === '') throw new UsageError('--out needs a file name.');
  const outPath = opts.out === undefined ? undefined : resolve(f.cwd, opts.out);
  const format = exportFormat(f.options, opts.out);
  if (f.options.fields) checkCdrFields(f.options.fields, (line) => f.io.note(line));
  const writer =
    f.options.quiet && !outPath
      ? quietWriter()
      : await createWriter(
          format,
          f.options.fields,
          {
            neutralise: !f.options.csvRaw,
            terminal: outPath === undefined && f.io.stdout.isTTY === true,
          },
          {
            columns: f.verb.columns ?? [],
            width: outPath === undefined ? f.io.stdout.columns : undefined,
            onHidden: (headers, width) => f.io.note(hiddenNote(headers, width)),
          },
        );
  plan.filter = await resolveFilterRoom(f, plan.filter);
  const http = await f.http();

  let sink: Sink;
  if (outPath) {
    // A run that was killed (or ran out of memory) could not remove its hidden temp file: this one does.
    removeDeadRunFiles(dirname(outPath), basename(outPath));
    sink = await fileSink(outPath);
    f.onCleanup(() => sink.abort());
  } else {
    sink = stdoutSink(f.io, f.signal);
  }
  // A spinner shares the terminal with the data only when the data goes elsewhere.
  const spin: typeof f.io.spin =
    outPath !== undefined || !f.io.stdout.isTTY
      ? (text, work) => f.io.spin(text, work)
      : (_text, work) => work({ update: () => undefined, stop: () => undefined });
  try {
    const done = await spin('Fetching CDR…', async (spinner) => {
      await sink.write(writer.start());
      const state = await fetchRecords(http, plan, {
        prepare: (r) => writer.prepare(r),
        emit: async (item) => {
          const text = writer.write(item);
          if (text) await sink.write(text);
        },
        progress: (p) => spinner.update(progressText(p)),
        signal: f.signal,
      });
      await sink.write(writer.end(state.records));
      return state;
    });
    await sink.commit();
    const dupes = done.duplicates
      ? ` (${done.duplicates} duplicate${done.duplicates === 1 ? '' : 's'} dropped)`
      : '';
    const count = `${done.records} record${done.records === 1 ? '' : 's'}`;
    f.io.note(outPath ? `Wrote ${count} to ${opts.out}${dupes}` : `${count}${dupes}`);
  } catch (err) {
    await sink.abort();
    if (outPath) f.io.note(`Nothing was written to ${opts.out}.`);
    throw err;
  }
}
