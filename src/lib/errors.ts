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
