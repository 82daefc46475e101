import { isAbsolute, relative, resolve, sep } from 'node:path';

const MAX_SEGMENT = 120;

/**
 * Turns untrusted text (a URL's file name, an id from the API) into one safe path segment: only
 * letters, digits, `.`, `_` and `-`; no separators, no `..`, no leading dot (so never hidden,
 * never `.` or `..`), at most 120 characters; `fallback` when nothing is left. Never ends in
 * `.partial` (any case): that suffix marks unfinished downloads, so no final name can be another
 * file's partial name, and no name starts with a dot, so none is the manifest or a temp file.
 */
export function safeSegment(raw: string, fallback = 'file'): string {
  let s = raw.normalize('NFKC').replace(/[^A-Za-z0-9._-]+/g, '_');
  s = s.replace(/\.{2,}/g, '.').replace(/^[._]+/, '');
  if (s.length > MAX_SEGMENT) {
    const dot = s.lastIndexOf('.');
    const ext = dot > 0 && s.length - dot <= 16 ? s.slice(dot) : '';
    s = s.slice(0, MAX_SEGMENT - ext.length) + ext;
  }
  s = s.replace(/\.(partial)$/i, '_$1');
  return s === '' ? fallback : s;
}

/** The last segment of a URL's path, percent-decoded (so `%2e%2e%2f` is seen as `../`). */
export function urlBasename(url: URL): string {
  const last = url.pathname.split('/').filter(Boolean).pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * Joins a relative path under `root` and proves it stays inside: the last guard against path
 * traversal, whatever the segments were made of. Throws when it would escape.
 */
export function resolveInside(root: string, rel: string): string {
  const base = resolve(root);
  const full = resolve(base, rel);
  const back = relative(base, full);
  if (back === '' || back === '..' || back.startsWith(`..${sep}`) || isAbsolute(back)) {
    throw new Error(`refusing to write outside ${base}: ${rel}`);
  }
  return full;
}
