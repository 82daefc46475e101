import { resolve } from 'node:path';
import { archiveFiles, listArchive, type ArchiveEntry } from '../../api/archive.js';
import { UsageError } from '../../lib/errors.js';
import { openOutput, type OutputFile } from '../../lib/fs/output.js';
import { outputError } from '../../lib/fs/output-error.js';
import type { Globals } from '../../globals.js';
import { formatForPath } from '../../output/path-format.js';
import type { Format } from '../../output/formats.js';
import { render } from '../../output/render.js';
import type { Factory } from '../../factory.js';
import { resolveFilter } from '../report-filter.js';
import { resolveFilterRoom } from '../room-ref.js';
import type { ArchiveInput } from './index.js';

/** The format of --out: -o/--json when given, else the file's extension, else JSON. */
export function outFormat(path: string, globals: Pick<Globals, 'format' | 'formatExplicit'>): Format {
  if (globals.formatExplicit) return globals.format;
  return formatForPath(path, 'json');
}

/** The table row of one session: counts of files per kind instead of their URLs. */
function summary(entry: ArchiveEntry): Record<string, unknown> {
  const files = archiveFiles(entry);
  const count = (kind: string) => files.filter((f) => f.kind === kind).length;
  return {
    conf_num: entry.conf_num,
    room_id: entry.room_id,
    trans_date: entry.trans_date,
    recording: count('recording'),
    transcoded: count('transcoded'),
    chatdata: count('chatdata') ? 'yes' : 'no',
    metadata: count('metadata') ? 'yes' : 'no',
  };
}

/**
 * Opens --out before anything is sent: a folder that is missing or not writable, or a path that is
 * a folder or a block device, exits 2 and costs no request.
 */
async function openOut(path: string): Promise<OutputFile> {
  try {
    return await openOutput(path);
  } catch (err) {
    throw outputError(err, '--out', path, 'cannot write there');
  }
}

/** `enablex archive [--conf|--room|--from/--to] [--out file]`: the sessions' archive entries. */
export async function run({ opts }: ArchiveInput, f: Factory): Promise<void> {
  const checked = resolveFilter(opts, f.clock.now());
  if (opts.out !== undefined && opts.out.trim() === '') throw new UsageError('--out needs a file name.');
  const outPath = opts.out === undefined ? undefined : resolve(f.cwd, opts.out);
  const filter = await resolveFilterRoom(f, checked);
  const http = await f.http();
  const out = outPath === undefined ? undefined : await openOut(outPath);
  if (out) f.onCleanup(() => out.abort());
  const entries = await f.io.spin('Listing archives…', () => listArchive(http, filter));
  const format = outPath ? outFormat(outPath, f.options) : f.options.format;
  const shown = format === 'table' && !f.options.fields ? entries.map(summary) : entries;
  if (!out || !outPath) {
    f.io.data(shown, {
      columns: f.verb.columns,
      idField: 'conf_num',
      empty: 'No archives for this filter.',
    });
    return;
  }
  const text = render(shown, {
    format,
    fields: f.options.fields,
    tableColumns: f.verb.columns,
    csv: { neutralise: !f.options.csvRaw },
  });
  try {
    await out.write(text);
    await out.commit();
  } catch (err) {
    await out.abort();
    throw outputError(err, '--out', outPath, 'writing failed');
  }
  f.io.success(
    `Wrote ${entries.length} archive entr${entries.length === 1 ? 'y' : 'ies'} to ${outPath} (${format}).`,
  );
}
