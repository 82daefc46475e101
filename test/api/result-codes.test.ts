import { describe, expect, it } from 'vitest';
import { RESULT_HINTS } from '../../src/api/result-codes.js';

describe('result-code hints follow the vendor table', () => {
  it('50005 is "Failed to delete Room", not an internal error', () => {
    expect(RESULT_HINTS['50005']).toMatch(/could not delete the room/);
    expect(RESULT_HINTS['50005']).not.toMatch(/internal error/);
    expect(RESULT_HINTS['50004']).toMatch(/could not delete the room/);
  });

  it('40002 (the create-token call answering "Token denied. Unauthorized") speaks of rights, not of a new token', () => {
    const hint = RESULT_HINTS['40002'] ?? '';
    expect(hint).toMatch(/unauthorized/);
    expect(hint).toMatch(/room/);
    expect(hint).toMatch(/enablex doctor/);
    expect(hint).toMatch(/rights/);
    expect(hint).not.toMatch(/`enablex token`/);
    expect(hint).not.toMatch(/create a new one/);
  });

  it('10017 ("Illegible Value: settings.adhoc") names settings.adhoc', () => {
    expect(RESULT_HINTS['10017']).toMatch(/settings\.adhoc/);
  });

  it('every internal-error code keeps the meaning the table gives it', () => {
    expect(RESULT_HINTS['50000']).toMatch(/internal error/);
    expect(RESULT_HINTS['50001']).toMatch(/could not create/);
    expect(RESULT_HINTS['50002']).toMatch(/could not list/);
    expect(RESULT_HINTS['50003']).toMatch(/could not read/);
    const internal = Object.entries(RESULT_HINTS).filter(([, h]) => /internal error/.test(h));
    expect(internal.map(([code]) => code)).toEqual(['50000']);
  });
});
