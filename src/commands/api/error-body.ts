import { ApiError } from '../../lib/errors.js';
import type { Printer } from '../../output/printer.js';
import { printable } from '../dialin/secrets.js';

/**
 * Runs the raw call; when the API refuses it with a JSON answer, that answer goes to stdout (secrets
 * hidden unless asked), as `gh api` does, and the error still decides the exit code.
 */
export async function withErrorBody<T>(
  work: () => Promise<T>,
  out: Printer,
  showSecrets: boolean,
): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const body = err instanceof ApiError ? err.failure.body : undefined;
    if (body !== undefined && body !== null) out.data(printable(body, showSecrets, out));
    const hint = err instanceof ApiError ? BODY_HINTS[err.failure.result ?? ''] : undefined;
    if (err instanceof ApiError && hint) throw new ApiError(err.message, err.failure, err.exitCode, hint);
    throw err;
  }
}

/** Hints that name body keys, not flags: `enablex api` has --data, not --name or --owner-ref. */
const BODY_HINTS: Readonly<Record<string, string>> = {
  '10002': 'The room needs a name: add "name" to the --data body.',
  '10010': 'The room needs an owner reference: add "owner_ref" to the --data body.',
  '10004':
    'A scheduled room needs "settings.scheduled_time" ("YYYY-MM-DD HH:MM:SS", UTC) in the --data body.',
  '10005': '"settings.scheduled_time" must look like "YYYY-MM-DD HH:MM:SS" (UTC).',
  '10006':
    '"settings.scheduled_time" was refused (unreadable or in the past): give a future "YYYY-MM-DD HH:MM:SS" (UTC).',
  '10007': '"settings.participants" is invalid: see the limits in `enablex room create --help`.',
  '10009': 'The --data body holds a key the API does not know: remove it.',
  '10011': '"settings.duration" must be a number of minutes, at least 10.',
  '10014': '"settings.quality" must be one of HD, SD, LD.',
  '10101': 'The token needs a user name: add "name" to the --data body.',
  '10102': 'The token needs a user reference: add "user_ref" to the --data body.',
  '10103': 'The token needs a role: add "role" to the --data body.',
};
