import type { Response } from 'got';
import { retryAfterMs } from '../http/retry.js';
import { checkFileUrl } from './url-policy.js';

/** A file that could not be fetched; `transient` failures are worth another try. */
export class FileFailure extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
    /** How long the server asked to wait before the next try (its Retry-After), if it said. */
    readonly retryAfterMs?: number,
    /** The file server's HTTP status, when it answered one. */
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The file server answered 401/403: the recording credentials are wrong for every file. */
export class CredentialsRefused extends Error {
  constructor(
    readonly host: string,
    readonly status: number,
  ) {
    super(`${host} answered HTTP ${status}`);
  }
}

/** A response header as one string (undefined when missing or repeated). */
export function header(res: Response, name: string): string | undefined {
  const v = res.headers[name];
  return typeof v === 'string' ? v : undefined;
}

/** Reads Content-Range: `bytes START-END/TOTAL` (TOTAL may be a star) or, on a 416, a star and TOTAL. */
export function parseContentRange(
  header: string | undefined,
): { start?: number; total?: number } | undefined {
  const m = /^bytes\s+(?:(\d+)-\d+|\*)\/(\d+|\*)$/i.exec(header?.trim() ?? '');
  if (!m) return undefined;
  return {
    start: m[1] === undefined ? undefined : Number(m[1]),
    total: m[2] === '*' ? undefined : Number(m[2]),
  };
}

/** Why a non-2xx answer failed this file, and whether trying again may help. */
export function statusFailure(res: Response, insecure: boolean): FileFailure {
  const status = res.statusCode;
  if (status >= 300 && status < 400) {
    const location = header(res, 'location');
    const verdict = location ? checkFileUrl(new URL(location, res.url).href, insecure) : undefined;
    const why = verdict && !verdict.ok ? `: ${verdict.reason}` : '';
    return new FileFailure(
      `redirected (HTTP ${status}) to a location that is not followed${why}`,
      false,
      undefined,
      status,
    );
  }
  if (status === 404)
    return new FileFailure('not found on the file server (HTTP 404)', false, undefined, 404);
  return new FileFailure(
    `the file server answered HTTP ${status}`,
    status >= 500 || status === 429,
    retryAfterMs(header(res, 'retry-after')),
    status,
  );
}

/**
 * A 2xx answer that is an HTML page while the file is not one: a captive portal, a login page or a
 * proxy's error page sent with 200. Saved, it would pass for the recording and be skipped on every
 * later run, so the file fails instead (not worth an immediate retry).
 */
export function htmlInsteadOfFile(res: Response, url: URL): FileFailure | undefined {
  const type = header(res, 'content-type') ?? '';
  if (!/^\s*text\/html\b/i.test(type) || /\.html?$/i.test(url.pathname)) return undefined;
  return new FileFailure(
    `the file server answered an HTML page (HTTP ${res.statusCode}), not the file: a login page or a proxy error?`,
    false,
  );
}
