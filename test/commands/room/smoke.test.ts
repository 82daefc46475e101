import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { API_ORIGIN, runCli } from '../../helpers/cli.js';
import { useNock } from '../../helpers/nock.js';

useNock();

describe('room list', () => {
  it('prints rooms as a table', async () => {
    nock(API_ORIGIN)
      .get('/video/v2/rooms')
      .reply(200, {
        result: 0,
        rooms: [{ room_id: 'abc', name: 'X', owner_ref: 'y', settings: { mode: 'group' } }],
      });
    const r = await runCli(['room', 'list']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('abc');
  });
});
