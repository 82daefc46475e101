import { archiveFiles, type ArchiveEntry, type FileKind } from '../../api/archive.js';
import type { FileJob } from '../../download/fetch.js';
import { resolveInside, safeSegment, urlBasename } from '../../download/safe-path.js';
import { checkFileUrl, describeUrl } from '../../download/url-policy.js';

/** One file of the plan: where it goes, and either the job that fetches it or why it is refused. */
export interface PlannedFile {
  conf_num: string;
  room_id: string;
  kind: FileKind;
  /** Path relative to --dir, forward slashes: `<YYYY-MM-DD>_<room_id>_<conf_num>/<kind>-<n>-<name>`. */
  path: string;
  url: string;
  job?: FileJob;
  refused?: string;
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** `<YYYY-MM-DD>_<room_id>_<conf_num>`, every part made safe. */
function sessionFolder(entry: ArchiveEntry): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(text(entry.trans_date))?.[0] ?? 'undated';
  return `${day}_${safeSegment(text(entry.room_id), 'no-room')}_${safeSegment(text(entry.conf_num), 'no-conf')}`;
}

/**
 * Adds `~2`, `~3` … before the extension until the path is free. Names differing only in case are
 * the same file on macOS and Windows, so `taken` holds lower-cased paths.
 */
function unique(path: string, taken: Set<string>): string {
  if (!taken.has(path.toLowerCase())) return path;
  const dot = path.lastIndexOf('.');
  const slash = path.lastIndexOf('/');
  const [stem, ext] = dot > slash + 1 ? [path.slice(0, dot), path.slice(dot)] : [path, ''];
  let i = 2;
  while (taken.has(`${stem}~${i}${ext}`.toLowerCase())) i++;
  return `${stem}~${i}${ext}`;
}

/**
 * Lays out every file of the entries under `dir`. A URL that is not http(s), or plain http to a
 * host that is not loopback (without --insecure), is refused here, before anything is sent. The
 * same URL named twice at the same place is fetched once.
 */
export function planFiles(entries: readonly ArchiveEntry[], dir: string, insecure: boolean): PlannedFile[] {
  const plan: PlannedFile[] = [];
  const taken = new Set<string>();
  const seen = new Set<string>();
  for (const entry of entries) {
    const folder = sessionFolder(entry);
    for (const file of archiveFiles(entry)) {
      const verdict = checkFileUrl(file.url, insecure);
      const base = verdict.ok ? safeSegment(urlBasename(verdict.url), file.kind) : file.kind;
      const wanted = `${folder}/${file.kind}-${file.n}-${base}`;
      const key = `${wanted}\n${text(file.url)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const path = unique(wanted, taken);
      taken.add(path.toLowerCase());
      const item: PlannedFile = {
        conf_num: text(entry.conf_num),
        room_id: text(entry.room_id),
        kind: file.kind,
        path,
        url: describeUrl(file.url),
      };
      if (verdict.ok) item.job = { url: verdict.url, rel: path, full: resolveInside(dir, path) };
      else item.refused = verdict.reason;
      plan.push(item);
    }
  }
  return plan;
}
