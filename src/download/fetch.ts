import { rename } from 'node:fs/promises';
import type { Response } from 'got';
import type { Transport } from '../http/transport.js';
import type { Manifest, ManifestRecord } from './manifest.js';
import { PartialFile } from './partial.js';
import { saveBody } from './save-body.js';
import {
  CredentialsRefused,
  FileFailure,
  header,
  htmlInsteadOfFile,
  parseContentRange,
  statusFailure,
} from './responses.js';
import { checkFileUrl, displayUrl } from './url-policy.js';

/** One file to fetch: where from, and where to (relative for the manifest, absolute for the disk). */
export interface FileJob {
  url: URL;
  rel: string;
  full: string;
}

/** What every fetch shares in one run. */
export interface FetchDeps {
  /** The run's transport (recording credentials, proxy agents shared by every file, log). */
  transport: Transport;
  /** Connect, first-byte and inactivity timeout (not the whole transfer, which may be long). */
  timeoutMs: number;
  insecure: boolean;
  signal: AbortSignal;
  manifest: Manifest;
  /** Called for every chunk written, for the progress bar. */
  onBytes: (n: number) => void;
}

/** If-Range accepts a strong ETag or a date; a weak ETag would make the server ignore the range. */
function ifRange(rec: ManifestRecord | undefined): string | undefined {
  if (rec?.etag && !rec.etag.startsWith('W/')) return rec.etag;
  return rec?.lastModified;
}

const RESTART = Symbol('restart');

/**
 * Fetches one file into `<name>.partial`, resuming it with `Range: bytes=N-` when it exists
 * (206 appends; 200 starts over; 416 with the same total means it was already whole), then
 * renames it to its final name: a file at its final name is always complete. On abort the
 * `.partial` stays for the next run.
 */
export async function fetchFile(job: FileJob, deps: FetchDeps): Promise<void> {
  // A range the partial file cannot take is thrown away: the second pass starts from zero.
  if ((await fetchPass(job, deps, true)) === RESTART) await fetchPass(job, deps, false);
}

async function fetchPass(job: FileJob, deps: FetchDeps, mayResume: boolean): Promise<void | typeof RESTART> {
  const path = `${job.full}.partial`;
  const partial = mayResume ? await PartialFile.find(path) : PartialFile.fresh(path);
  try {
    return await transfer(job, deps, partial);
  } finally {
    await partial.close();
  }
}

async function transfer(job: FileJob, deps: FetchDeps, partial: PartialFile): Promise<void | typeof RESTART> {
  const have = partial.size;
  const headers: Record<string, string> = { accept: '*/*', 'accept-encoding': 'identity' };
  if (have > 0) {
    headers['range'] = `bytes=${have}-`;
    const validator = ifRange(deps.manifest.get(job.rel));
    if (validator) headers['if-range'] = validator;
  }
  const { stream, head: res } = await deps.transport.open(job.url, {
    method: 'GET',
    headers,
    decompress: false,
    followRedirect: (res) => {
      const location = res.headers.location;
      return location !== undefined && checkFileUrl(new URL(location, res.url).href, deps.insecure).ok;
    },
    timeout: {
      connect: deps.timeoutMs,
      secureConnect: deps.timeoutMs,
      response: deps.timeoutMs,
      socket: deps.timeoutMs,
    },
    signal: deps.signal,
    display: displayUrl,
  });
  const status = res.statusCode;
  const range = parseContentRange(header(res, 'content-range'));
  let append = false;
  let total: number | undefined;
  if (status === 401 || status === 403) {
    stream.destroy();
    throw new CredentialsRefused(new URL(res.url).host, status);
  } else if (status === 416 && have > 0) {
    stream.destroy();
    if (range?.total === have) {
      await partial.close();
      return finish(job, deps, partial.path, have, res);
    }
    await partial.discard();
    return RESTART;
  } else if (status === 206 && have > 0) {
    if (range?.start !== have) {
      stream.destroy();
      await partial.discard();
      return RESTART;
    }
    append = true;
    total = range.total;
  } else if (status === 200) {
    const length = header(res, 'content-length');
    total = length !== undefined && /^\d+$/.test(length) ? Number(length) : undefined;
  } else {
    stream.destroy();
    throw statusFailure(res, deps.insecure);
  }
  const html = htmlInsteadOfFile(res, job.url);
  if (html) {
    stream.destroy();
    throw html;
  }
  // Validators first (not awaited: listening must start now), so even a killed run can resume.
  const recorded = deps.manifest
    .set(job.rel, {
      complete: false,
      size: total,
      etag: header(res, 'etag'),
      lastModified: header(res, 'last-modified'),
    })
    .catch(() => undefined);
  let size: number;
  try {
    size = await saveBody(stream, partial.writer(!append), deps.onBytes);
  } finally {
    await recorded;
  }
  if (total !== undefined && size !== total) {
    throw new FileFailure(`the transfer stopped at ${size} of ${total} bytes`, true);
  }
  await partial.close();
  return finish(job, deps, partial.path, size, res);
}

/** Renames the partial file to its final name and records it as complete. */
async function finish(
  job: FileJob,
  deps: FetchDeps,
  partial: string,
  size: number,
  res: Response,
): Promise<void> {
  await rename(partial, job.full);
  const rec = deps.manifest.get(job.rel);
  await deps.manifest.set(job.rel, {
    complete: true,
    size,
    etag: header(res, 'etag') ?? rec?.etag,
    lastModified: header(res, 'last-modified') ?? rec?.lastModified,
  });
}
