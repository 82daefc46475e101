/** Path prefixes the API is served under: the documented one, and the `/v1` the vendor's samples use. */
export const API_PREFIXES = ['/video/v2', '/v1'] as const;

/**
 * Control routes live here: outside the API prefixes, so they can never clash with the API. The
 * versioned prefix is the documented one; the unversioned one serves the same routes, for older scripts.
 */
export const CONTROL_PREFIX = '/_emulator/v1';
/** The unversioned control prefix of earlier releases (same routes as v1). */
export const LEGACY_CONTROL_PREFIX = '/_emulator';
/** The version of the control API: it only changes when a route changes incompatibly. */
export const CONTROL_API_VERSION = 1;

/** Where the emulator serves archive files (behind the recording credentials). */
export const FILES_PREFIX = '/_files';
