import { ApiError, ExitCode, NetworkError, NotFoundError, type ApiFailure } from '../lib/errors.js';
import { AUTH_RESULTS, NOT_FOUND_RESULTS, RESULT_HINTS } from './result-codes.js';

/**
 * The server answered, but not in the shape the route page documents (a list that is not a list, a
 * room without an id): exit 5, as a server that is not the EnableX API usually is the cause.
 */
export function unexpectedShape(where: string, what: string): NetworkError {
  return new NetworkError(
    `${where}: ${what}.`,
    'Check that the base URL points at the EnableX Video API v2.',
  );
}

/**
 * Maps one failed exchange to one typed error. Every API failure in the CLI goes through here, so
 * the exit code, the message and the hint are decided once.
 */
export function toApiError(failure: ApiFailure, unreadable = false): ApiError | NetworkError {
  const where = `${failure.method} ${failure.path}`;
  const what = failure.apiMessage ?? 'no reason given';
  const codes = [
    failure.result ? `result ${failure.result}` : undefined,
    failure.status ? `HTTP ${failure.status}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  const suffix = codes ? ` (${codes})` : '';
  if (unreadable) {
    return new NetworkError(
      `${where}: the server's answer is not readable JSON: ${what}`,
      'Check the base URL: it must end in /video/v2 of an EnableX-compatible server.',
    );
  }
  const result = failure.result;
  const status = failure.status ?? 0;
  const hint = result ? RESULT_HINTS[result] : undefined;
  if ((result && AUTH_RESULTS.has(result)) || status === 401 || status === 403) {
    return new ApiError(
      `${where}: authentication failed: ${what}${suffix}`,
      failure,
      ExitCode.AUTH,
      hint ?? RESULT_HINTS['10000'],
    );
  }
  if ((result && NOT_FOUND_RESULTS.has(result)) || (status === 404 && !result)) {
    return new NotFoundError(
      `${where}: ${/not found/i.test(what) ? what : `not found: ${what}`}${suffix}`,
      failure,
      hint ?? 'Check the id, and that the base URL ends in /video/v2.',
    );
  }
  // Still rate-limited after the retries: the request was not acted on, so "try again later" (5).
  if (status === 429) {
    return new ApiError(
      `${where}: the server is rate-limiting requests: ${what}${suffix}`,
      failure,
      ExitCode.NETWORK,
      hint ?? 'Wait a moment and try again, or raise --retries.',
    );
  }
  if (status >= 500) {
    return new ApiError(
      `${where}: server error: ${what}${suffix}`,
      failure,
      ExitCode.NETWORK,
      hint ?? 'Try again later.',
    );
  }
  if (status >= 300 && status < 400) {
    return new ApiError(
      `${where}: the server redirected the request${suffix}`,
      failure,
      ExitCode.NETWORK,
      'Check the base URL: use the exact https:// address of the API.',
    );
  }
  return new ApiError(`${where}: the API refused the request: ${what}${suffix}`, failure, ExitCode.API, hint);
}
