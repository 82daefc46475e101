import type { IncomingHttpHeaders } from 'node:http';
import { hashString } from './prng.js';
import { text, type Reply } from './reply.js';
import type { ArchiveRecord, State } from './state.js';
import { fileBytes } from './file-content.js';
import { own } from './own.js';

/** Parses `Range: bytes=a-b`, `bytes=a-`, `bytes=-n` (one range); null = ignore the header, 'bad' = 416. */
function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | 'bad' {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const n = Number(m[2]);
    return n === 0 ? 'bad' : { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'bad';
  return { start, end };
}

/** The archive entry that lists this file path, if any. */
function ownerOf(state: State, path: string): ArchiveRecord | undefined {
  const conf = path.split('/')[2];
  return state.archive.find(
    (a) =>
      a.conf_num === conf &&
      (a.recording.includes(path) ||
        a.transcoded.includes(path) ||
        a.chatdata === path ||
        a.metadata === path),
  );
}

const TYPES: Record<string, string> = {
  mkv: 'video/x-matroska',
  mp4: 'video/mp4',
  json: 'application/json',
};

/**
 * GET/HEAD of an archive file. Auth is checked by the caller (recording credentials, 403).
 * Answers with Content-Length, an ETag, and honours one `Range` (206, or 416 when past the end),
 * so interrupted downloads can resume. The content is deterministic.
 */
export function fileReply(state: State, path: string, headers: IncomingHttpHeaders): Reply {
  const owner = ownerOf(state, path);
  if (!owner) return text(404, 'Not found\n');
  const body = fileBytes(owner, path);
  const size = body.length;
  const etag = `"${hashString(path).toString(16)}-${size.toString(16)}"`;
  const ext = path.slice(path.lastIndexOf('.') + 1);
  const base = {
    'content-type': own(TYPES, ext) ?? 'application/octet-stream',
    'accept-ranges': 'bytes',
    etag,
    'last-modified': new Date(owner.trans_date).toUTCString(),
  };
  const ifRange = headers['if-range'];
  const range = ifRange !== undefined && ifRange !== etag ? null : parseRange(headers.range, size);
  if (range === 'bad')
    return { status: 416, headers: { ...base, 'content-range': `bytes */${size}` }, body: '' };
  if (range === null) return { status: 200, headers: base, body };
  return {
    status: 206,
    headers: { ...base, 'content-range': `bytes ${range.start}-${range.end}/${size}` },
    body: body.subarray(range.start, range.end + 1),
  };
}
