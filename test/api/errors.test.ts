import { describe, expect, it } from 'vitest';
import { toApiError, unexpectedShape } from '../../src/api/errors.js';
import { RESULT_HINTS } from '../../src/api/result-codes.js';
import { NetworkError, type ApiFailure } from '../../src/lib/errors.js';

const f = (status: number | undefined, result?: string, apiMessage = 'x'): ApiFailure => ({
  status,
  method: 'GET',
  path: '/rooms',
  result,
  apiMessage,
});

describe('toApiError maps every failure to one exit code', () => {
  it.each([
    ['result 10000', f(200, '10000'), 3],
    ['HTTP 401', f(401), 3],
    ['HTTP 403', f(403), 3],
    ['result 40001', f(200, '40001'), 4],
    ['HTTP 404 without result', f(404), 4],
    ['HTTP 404 with another result', f(404, '10009'), 1],
    ['result 10009', f(400, '10009'), 1],
    ['HTTP 409', f(409), 1],
    ['HTTP 429 after retries', f(429), 5],
    ['HTTP 429 with a result', f(429, '10105'), 5],
    ['HTTP 500', f(500), 5],
    ['HTTP 503 with a result', f(503, '10105'), 5],
    ['HTTP 302', f(302), 5],
  ])('%s', (_n, failure, code) => {
    expect(toApiError(failure).exitCode).toBe(code);
  });

  it('says a 429 that outlasted the retries is rate limiting, to try again later', () => {
    const e = toApiError(f(429, undefined, 'Too many requests'));
    expect(e.message).toBe('GET /rooms: the server is rate-limiting requests: Too many requests (HTTP 429)');
    expect(e.hint).toMatch(/try again/);
  });

  it('gives the hint of a known result code', () => {
    expect(toApiError(f(200, '10106')).hint).toMatch(/cannot be changed/);
  });

  it.each([
    ['HTTP 401', 401],
    ['HTTP 409', 409],
    ['HTTP 200', 200],
  ])('gives 40002 (token denied) its own hint, not the credentials one, on %s', (_n, status) => {
    const hint = toApiError(f(status, '40002')).hint ?? '';
    expect(hint).toMatch(/token was denied/);
    expect(hint).not.toBe(RESULT_HINTS['10000']);
  });

  it('has a hint for every code of the vendor table that a user can act on', () => {
    const table = [
      '10000',
      '10001',
      '10002',
      '10003',
      '10004',
      '10005',
      '10006',
      '10007',
      '10008',
      '10009',
      '10010',
      '10011',
      '10012',
      '10013',
      '10014',
      '10016',
      '10017',
      '10019',
      '10022',
      '10025',
      '10030',
      '10106',
      '40001',
      '40002',
      '50001',
    ];
    expect(table.filter((code) => !RESULT_HINTS[code])).toEqual([]);
    // Each setting's code names its own setting.
    expect(RESULT_HINTS['10012']).toMatch(/active talkers/);
    expect(RESULT_HINTS['10013']).toMatch(/wait-for-moderator/);
    expect(RESULT_HINTS['10019']).toMatch(/mode/);
    expect(RESULT_HINTS['10025']).toMatch(/knock/);
  });

  it('says unreadable answers point at the base URL', () => {
    const e = toApiError(f(200, undefined, '<html>'), true);
    expect(e.exitCode).toBe(5);
    expect(e.hint).toMatch(/base URL/);
  });
});

describe('messages say "not found" once', () => {
  it('keeps the API message when it already says so', () => {
    expect(toApiError(f(404, '40001', 'Room not found')).message).toBe(
      'GET /rooms: Room not found (result 40001, HTTP 404)',
    );
  });
  it('adds it when the API message does not', () => {
    expect(toApiError(f(404, undefined, 'no such thing')).message).toBe(
      'GET /rooms: not found: no such thing (HTTP 404)',
    );
  });
});

describe('unexpectedShape', () => {
  it('is exit 5, naming the route and what is wrong, with the base-URL hint', () => {
    const err = unexpectedShape('GET /rooms', '"rooms" is not a list');
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.exitCode).toBe(5);
    expect(err.message).toBe('GET /rooms: "rooms" is not a list.');
    expect(err.hint).toBe('Check that the base URL points at the EnableX Video API v2.');
  });
});
