/** Path prefixes the API is served under: the documented one, and the `/v1` the vendor's samples use. */
export const API_PREFIXES = ['/video/v2', '/v1'] as const;

/** Control routes live here: outside the API prefixes, so they can never clash with the API. */
export const CONTROL_PREFIX = '/_emulator';

/** Where the emulator serves archive files (behind the recording credentials). */
export const FILES_PREFIX = '/_files';
