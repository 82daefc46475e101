import { basename, dirname, resolve } from 'node:path';
import { removeDeadRunFiles } from '../../fs/spool-files.js';
import { UsageError } from '../../errors.js';
import type { Runtime } from '../../runtime.js';
import type { CommandInput } from '../define.js';
import { fetchRecords, type FetchProgress } from './fetch.js';
import { exportFormat, parsePlan, type CdrFlags } from './options.js';
import { fileSink, stdoutSink, type Sink } from './sink.js';
import { hiddenNote } from '../../output/printer.js';
import { CDR_COLUMNS, OLDER_CDR_FIELDS } from './columns.js';
import { createWriter } from './writers.js';
import { quietWriter } from './quiet-writer.js';
import { resolveFilterRoom } from '../room-ref.js';

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
export async function run({ opts }: CommandInput, rt: Runtime): Promise<void> {
  const flags = opts as CdrFlags;
  const plan = parsePlan(flags, rt.ctx.now());
  if (flags.out !== undefined && flags.out.trim() === '') throw new UsageError('--out needs a file name.');
  const outPath = flags.out === undefined ? undefined : resolve(rt.ctx.cwd, flags.out);
  const format = exportFormat(rt.globals, flags.out);
  if (rt.globals.fields) checkCdrFields(rt.globals.fields, (line) => rt.out.note(line));
  const writer =
    rt.globals.quiet && !outPath
      ? quietWriter()
      : await createWriter(
          format,
          rt.globals.fields,
          {
            neutralise: !rt.globals.csvRaw,
            terminal: outPath === undefined && rt.ctx.stdout.isTTY === true,
          },
          {
            width: outPath === undefined ? rt.ctx.stdout.columns : undefined,
            onHidden: (headers, width) => rt.out.note(hiddenNote(headers, width)),
          },
        );
  plan.filter = await resolveFilterRoom(rt, plan.filter);
  const http = await rt.http();

  let sink: Sink;
  if (outPath) {
    // A run that was killed (or ran out of memory) could not remove its hidden temp file: this one does.
    removeDeadRunFiles(dirname(outPath), basename(outPath));
    sink = await fileSink(outPath);
    rt.onCleanup(() => sink.abort());
  } else {
    sink = stdoutSink(rt.ctx);
  }
  // A spinner shares the terminal with the data only when the data goes elsewhere.
  const spin: typeof rt.out.spin =
    outPath !== undefined || !rt.ctx.stdout.isTTY
      ? (text, work) => rt.out.spin(text, work)
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
        signal: rt.ctx.signal,
      });
      await sink.write(writer.end(state.records));
      return state;
    });
    await sink.commit();
    const dupes = done.duplicates
      ? ` (${done.duplicates} duplicate${done.duplicates === 1 ? '' : 's'} dropped)`
      : '';
    const count = `${done.records} record${done.records === 1 ? '' : 's'}`;
    rt.out.note(outPath ? `Wrote ${count} to ${flags.out}${dupes}` : `${count}${dupes}`);
  } catch (err) {
    await sink.abort();
    if (outPath) rt.out.note(`Nothing was written to ${flags.out}.`);
    throw err;
  }
}
