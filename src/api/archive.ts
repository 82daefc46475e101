import { unexpectedShape } from './errors.js';
import type { Http } from './http.js';
import { paths, type ReportFilter } from './paths.js';

/**
 * One archive entry as the API returns it: the files of one session. Typed loosely (NOTES.md):
 * `recording`/`transcoded` hold `{url}` objects (plain strings are accepted too).
 */
export interface ArchiveEntry {
  _id?: string;
  trans_date?: string;
  conf_num?: string;
  app_id?: string;
  room_id?: string;
  recording?: unknown;
  transcoded?: unknown;
  chatdata?: unknown;
  metadata?: unknown;
  [key: string]: unknown;
}

/** The four kinds of archive file, in the order they are listed and fetched. */
export const FILE_KINDS = ['recording', 'transcoded', 'chatdata', 'metadata'] as const;
/** One kind of archive file. */
export type FileKind = (typeof FILE_KINDS)[number];

/** One file named by an archive entry: its kind, 1-based number within the kind, and raw URL. */
interface ArchiveFile {
  kind: FileKind;
  n: number;
  url: unknown;
}

/** `{url}` objects or plain strings, from a field that may be a list, one value, or missing. */
function urlsOf(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => (v && typeof v === 'object' && 'url' in v ? (v as { url: unknown }).url : v));
}

/** Every file an entry names, in FILE_KINDS order. URLs are not checked here. */
export function archiveFiles(entry: ArchiveEntry): ArchiveFile[] {
  return FILE_KINDS.flatMap((kind) => urlsOf(entry[kind]).map((url, i) => ({ kind, n: i + 1, url })));
}

/** GET /archive/{conf|room|period|room-period}/… ; `result` is "0" (a string) on success. */
export async function listArchive(http: Http, filter: ReportFilter): Promise<ArchiveEntry[]> {
  const path = paths.report('archive', filter);
  const body = await http.request<{ archive?: unknown }>({ method: 'GET', path });
  const archive = body?.archive;
  if (archive === undefined || archive === null) return [];
  if (!Array.isArray(archive)) throw unexpectedShape(`GET /${path}`, '"archive" is not a list');
  return archive.filter((e): e is ArchiveEntry => typeof e === 'object' && e !== null);
}
