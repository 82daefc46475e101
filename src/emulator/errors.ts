/**
 * Errors the emulator answers with, in the API's documented shape
 * `{"result": "<code>", "error": "[Reason] <text>", "desc": ""}`. HTTP statuses are the
 * emulator's choice (the vendor does not document them): 400 validation, 401 credentials,
 * 404 not found, 409 state conflicts, 503 busy.
 */
export class EmulatorError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    /** Whether the text carries the literal `[Reason] ` prefix, as most vendor errors do. */
    readonly reasonPrefix = true,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'EmulatorError';
  }

  /** The JSON body; `result` is left out when there is no code (unknown routes). */
  body(): Record<string, string> {
    const error = this.reasonPrefix ? `[Reason] ${this.message}` : this.message;
    return this.code === undefined ? { error, desc: '' } : { result: this.code, error, desc: '' };
  }
}

/** A request the API refuses as invalid (400). */
export function invalid(code: string, message: string): EmulatorError {
  return new EmulatorError(400, code, message);
}

/** A request that conflicts with the room's state: session in progress, window closed, full (409). */
export function conflict(code: string, message: string): EmulatorError {
  return new EmulatorError(409, code, message);
}

/** No room with this id (404, result 40001). */
export function roomNotFound(id: string): EmulatorError {
  return new EmulatorError(404, '40001', `Room not found: ${id}`);
}

/** Credentials missing or wrong (401, result 10000, no `[Reason]` prefix, as seen from the vendor). */
export function applicationNotFound(): EmulatorError {
  return new EmulatorError(401, '10000', 'Application not found', false, {
    'www-authenticate': 'Basic realm="EnableX"',
  });
}

/** The state lock could not be taken in time (503, result 10105 "server busy"). */
export function busy(): EmulatorError {
  return new EmulatorError(503, '10105', 'Server busy, try again', true, { 'retry-after': '1' });
}

/** Result codes the emulator picked where the vendor documents none (README lists them). */
export const EMULATOR_CODES = {
  /** The body is not JSON. */
  badJson: '10001',
  /** A bad value of a setting the vendor's table gives no code of (its own code otherwise: room-settings.ts). */
  badValue: '10008',
  /** Token `data` is not an object or has more than 5 keys. */
  badTokenData: '10107',
  /** DELETE refused: the room has a session in progress. */
  deleteActive: '50004',
  /** Anything unexpected inside the emulator. */
  internal: '50000',
} as const;
