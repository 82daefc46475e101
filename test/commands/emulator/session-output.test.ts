import { describe, expect, it } from 'vitest';
import simulate from '../../../src/commands/emulator/simulate.verb.js';
import { printSession, type SessionSummary } from '../../../src/commands/emulator/session-output.js';
import { makeFactory } from '../../helpers/factory.js';

const SUMMARY: SessionSummary & { result: number } = {
  result: 0,
  room_id: 'r1',
  conf_num: '123',
  live: false,
  started_at: '2026-11-29T11:48:00Z',
  ends_at: '2026-11-29T12:00:00Z',
  total: 1,
  // Keys in another order than the columns, so the table's order comes from the verb.
  users: [{ extra: 'e', joined_at: 'x', call_num: '1', role: 'moderator', user_ref: 'u1', name: 'Ann' }],
  room_deleted: true,
};

describe('printSession', () => {
  it("prints a headline, the deletion note and the users with the verb's columns first", () => {
    const { f, ctx } = makeFactory({ verb: { columns: simulate.columns } });
    printSession(f, SUMMARY, 'Recorded.');
    const header = ctx.out.text.split('\n')[0]!.trim().split(/\s+/);
    expect(header.slice(0, 5)).toEqual(['name', 'user_ref', 'role', 'call_num', 'joined_at']);
    expect(ctx.err.text).toContain('Recorded.');
    expect(ctx.err.text).toContain('Room r1 was adhoc without a duration: it is now deleted.');
  });

  it('prints the whole summary without `result` as JSON, and the conf_num alone with -q', () => {
    const json = makeFactory({ globals: { output: 'json' }, verb: { columns: simulate.columns } });
    printSession(json.f, SUMMARY, 'Recorded.');
    const shown = JSON.parse(json.ctx.out.text) as Record<string, unknown>;
    expect(shown).toMatchObject({ conf_num: '123', total: 1 });
    expect(shown).not.toHaveProperty('result');
    const quiet = makeFactory({ globals: { quiet: true } });
    printSession(quiet.f, SUMMARY, 'Recorded.');
    expect(quiet.ctx.out.text).toBe('123\n');
  });
});
