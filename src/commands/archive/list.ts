import { resolve } from 'node:path';
import { archiveFiles, listArchive, type ArchiveEntry } from '../../api/archive.js';
import { UsageError } from '../../errors.js';
import { openOutput, type OutputFile } from '../../fs/output.js';
import { outputError } from '../../fs/output-error.js';
import type { Globals } from '../../globals.js';
import { formatForPath } from '../../output/path-format.js';
import { render, type Format } from '../../output/render.js';
import type { Runtime } from '../../runtime.js';
import type { CommandInput } from '../define.js';
import { resolveFilter, type FilterFlags } from '../report-filter.js';
import { ARCHIVE_COLUMNS } from './index.js';
import { resolveFilterRoom } from '../room-ref.js';

/** Options of `archive`. */
export interface ListOptions extends FilterFlags {
  out?: string;
}

/** The format of --out: -o/--json when given, else the file's extension, else JSON. */
export function outFormat(path: string, globals: Globals): Format {
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
export async function run({ opts }: CommandInput, rt: Runtime): Promise<void> {
  const flags = opts as ListOptions;
  const checked = resolveFilter(flags, rt.ctx.now());
  if (flags.out !== undefined && flags.out.trim() === '') throw new UsageError('--out needs a file name.');
  const outPath = flags.out === undefined ? undefined : resolve(rt.ctx.cwd, flags.out);
  const filter = await resolveFilterRoom(rt, checked);
  const http = await rt.http();
  const out = outPath === undefined ? undefined : await openOut(outPath);
  if (out) rt.onCleanup(() => out.abort());
  const entries = await rt.out.spin('Listing archives…', () => listArchive(http, filter));
  const format = outPath ? outFormat(outPath, rt.globals) : rt.globals.format;
  const shown = format === 'table' && !rt.globals.fields ? entries.map(summary) : entries;
  if (!out || !outPath) {
    rt.out.data(shown, {
      columns: ARCHIVE_COLUMNS,
      idField: 'conf_num',
      empty: 'No archives for this filter.',
    });
    return;
  }
  const text = render(shown, {
    format,
    fields: rt.globals.fields,
    tableColumns: ARCHIVE_COLUMNS,
    csv: { neutralise: !rt.globals.csvRaw },
  });
  try {
    await out.write(text);
    await out.commit();
  } catch (err) {
    await out.abort();
    throw outputError(err, '--out', outPath, 'writing failed');
  }
  rt.out.success(
    `Wrote ${entries.length} archive entr${entries.length === 1 ? 'y' : 'ies'} to ${outPath} (${format}).`,
  );
}
