import type { Readable } from 'node:stream';
import type { Env } from '../context.js';
import { NetworkError, UsageError } from '../lib/errors.js';

/** Default cap on one answer read into memory (after decompression): 64 MiB. */
export const DEFAULT_MAX_RESPONSE_MB = 64;

/** The environment variable that changes the cap, in MiB. */
export const MAX_RESPONSE_ENV = 'ENABLEX_MAX_RESPONSE_MB';

/**
 * The cap on one buffered answer, in bytes: ENABLEX_MAX_RESPONSE_MB (whole MiB, 1 to 4096) or
 * 64 MiB. A bad value is a usage error (exit 2), raised before anything is sent.
 */
export function maxResponseBytes(env: Env): number {
  const raw = env[MAX_RESPONSE_ENV]?.trim();
  if (raw === undefined || raw === '') return DEFAULT_MAX_RESPONSE_MB * 1024 * 1024;
  const mb = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(mb) || mb < 1 || mb > 4096) {
    throw new UsageError(
      `${MAX_RESPONSE_ENV} must be a whole number of MiB from 1 to 4096 (got "${raw}").`,
      `Unset it to use the default of ${DEFAULT_MAX_RESPONSE_MB} MiB.`,
    );
  }
  return mb * 1024 * 1024;
}

/** An answer bigger than the cap: exit 5, and never retried (the next answer would be as big). */
export class ResponseTooLarge extends NetworkError {
  constructor(where: string, limit: number) {
    super(
      `${where}: the answer is larger than ${formatLimit(limit)}, the limit for one answer; stopped reading it.`,
      `Ask for less (a shorter --from/--to period), or raise the limit with ${MAX_RESPONSE_ENV}=<MiB> if the server is trusted.`,
    );
  }
}

/** `64 MiB`, or bytes below 1 MiB. */
function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0
    ? `${bytes / 1024 / 1024} MiB`
    : `${bytes} bytes`;
}

/**
 * Reads a (decompressed) body into a string, stopping as soon as it passes `limit` bytes: a gzip
 * bomb or an endless body costs at most `limit` of memory. `declared` is the Content-Length, when
 * it already says the answer is too big.
 */
export async function readCapped(
  stream: Readable,
  limit: number,
  where: string,
  declared?: string,
): Promise<string> {
  if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > limit) {
    stream.destroy();
    throw new ResponseTooLarge(where, limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buf.length;
    if (size > limit) {
      stream.destroy();
      throw new ResponseTooLarge(where, limit);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}
