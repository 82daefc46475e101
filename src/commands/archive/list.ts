import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { archiveFiles, listArchive, type ArchiveEntry } from '../../api/archive.js';
import { UsageError } from '../../errors.js';
import { AtomicFile } from '../../fs/atomic.js';
import type { Globals } from '../../globals.js';
import { formatForPath } from '../../output/path-format.js';
import { render, type Format } from '../../output/render.js';
import type { Runtime } from '../../runtime.js';
import type { CommandInput } from '../define.js';
import { resolveFilter, type FilterFlags } from '../report-filter.js';
import { ARCHIVE_COLUMNS } from './index.js';

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

/** Checks --out before anything is sent: a file name in a folder that exists. */
async function checkOut(raw: string, cwd: string): Promise<string> {
  if (raw.trim() === '') throw new UsageError('--out needs a file name.');
  const path = resolve(cwd, raw);
  const folder = await stat(dirname(path)).catch(() => undefined);
  if (!folder?.isDirectory()) throw new UsageError(`--out: the folder ${dirname(path)} does not exist.`);
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw new UsageError(`--out: ${path} is a folder; give a file name.`);
  return path;
}

/** `enablex archive [--conf|--room|--from/--to] [--out file]`: the sessions' archive entries. */
export async function run({ opts }: CommandInput, rt: Runtime): Promise<void> {
  const flags = opts as ListOptions;
  const filter = resolveFilter(flags, rt.ctx.now());
  const outPath = flags.out === undefined ? undefined : await checkOut(flags.out, rt.ctx.cwd);
  const http = await rt.http();
  const entries = await rt.out.spin('Listing archives…', () => listArchive(http, filter));
  const format = outPath ? outFormat(outPath, rt.globals) : rt.globals.format;
  const shown = format === 'table' && !rt.globals.fields ? entries.map(summary) : entries;
  if (!outPath) {
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
  await AtomicFile.writeText(outPath, text);
  rt.out.success(
    `Wrote ${entries.length} archive entr${entries.length === 1 ? 'y' : 'ies'} to ${outPath} (${format}).`,
  );
}
