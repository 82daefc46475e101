import { terminalSafe, terminalSafeLines } from './output/escape.js';

/** Exit codes of the CLI contract; scripts branch on these. */
export const ExitCode = {
  OK: 0,
  API: 1,
  USAGE: 2,
  AUTH: 3,
  NOT_FOUND: 4,
  NETWORK: 5,
  PARTIAL: 6,
  PENDING: 8,
  INTERRUPTED: 130,
} as const;

/** One of the documented exit codes. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** Base class of every error the CLI reports on purpose: it carries its exit code and a hint. */
export class CliError extends Error {
  readonly exitCode: ExitCodeValue;
  readonly hint: string | undefined;
  constructor(message: string, exitCode: ExitCodeValue, hint?: string) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
    this.hint = hint;
  }
}

/** Bad flags or input, caught before anything is sent (exit 2). */
export class UsageError extends CliError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.USAGE, hint);
  }
}

/** Missing, refused or unreadable credentials or configuration (exit 3). */
export class AuthError extends CliError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.AUTH, hint);
  }
}

/** Details of an API failure, as far as the response told them. */
export interface ApiFailure {
  status: number | undefined;
  method: string;
  path: string;
  result: string | undefined;
  apiMessage: string | undefined;
  /** The error answer as parsed JSON, when it was JSON (`enablex api` prints it, as `gh api` does). */
  body?: unknown;
}

/** The API answered and refused the request (exit 1), or a subclass for 3/4/5. */
export class ApiError extends CliError {
  readonly failure: ApiFailure;
  constructor(message: string, failure: ApiFailure, exitCode: ExitCodeValue = ExitCode.API, hint?: string) {
    super(message, exitCode, hint);
    this.failure = failure;
  }
}

/** The resource does not exist (HTTP 404 or result 40001), exit 4. */
export class NotFoundError extends ApiError {
  constructor(message: string, failure: ApiFailure, hint?: string) {
    super(message, failure, ExitCode.NOT_FOUND, hint);
  }
}

/** Network failure, timeout, 5xx after retries, or an unreadable response (exit 5). */
export class NetworkError extends CliError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.NETWORK, hint);
  }
}

/** A multi-part job finished with some parts failed (exit 6). */
export class PartialError extends CliError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.PARTIAL, hint);
  }
}

/**
 * Not a failure: `room apply --dry-run --exit-code` found changes to make (exit 8). Printed as its
 * message alone, without "Error:".
 */
export class PendingChangesError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.PENDING);
  }
}

/** The user pressed Ctrl-C (exit 130). */
export class InterruptedError extends CliError {
  constructor(message = 'Interrupted.') {
    super(message, ExitCode.INTERRUPTED);
  }
}

/** Renders any thrown value as the short block users see on stderr: never a stack trace unless asked. */
export function renderError(
  err: unknown,
  opts: { verbose?: boolean; red?: (s: string) => string } = {},
): string {
  const red = opts.red ?? ((s: string) => s);
  // Messages quote server text: escaped before the CLI adds its colour. An API or network failure
  // carries the server's own words, so it stays on one line (a server cannot forge a "Hint:" line);
  // the CLI's own messages may list problems on several lines.
  const safe = err instanceof ApiError || err instanceof NetworkError ? terminalSafe : terminalSafeLines;
  if (err instanceof PendingChangesError) return `${terminalSafeLines(err.message)}\n`;
  if (err instanceof CliError) {
    const lines = [`${red('Error:')} ${safe(err.message)}`];
    if (err.hint) lines.push(`Hint: ${safe(err.hint)}`);
    if (opts.verbose && err.stack && !(err instanceof UsageError))
      lines.push('', terminalSafeLines(err.stack));
    return lines.join('\n') + '\n';
  }
  const message = err instanceof Error ? err.message : String(err);
  const lines = [
    `${red('Error:')} unexpected failure: ${safe(message)}`,
    'Hint: this is a bug in enablex-cli; run again with --verbose and report the output.',
  ];
  if (opts.verbose && err instanceof Error && err.stack) lines.push('', terminalSafeLines(err.stack));
  return lines.join('\n') + '\n';
}
