import { describe, expect, it } from 'vitest';
import { statusText } from '../../src/commands/emulator/status-view.js';

/** The live-session columns `emulator status` declares. */
const COLUMNS = ['room_id', 'conf_num', 'users', 'ends_at'];

describe('emulator status text', () => {
  it('shows the status values as they were', () => {
    const text = statusText(
      {
        now: '2026-11-29T12:00:00.000Z',
        clock_offset_ms: 5000,
        rooms: 2,
        tokens: 3,
        cdr: 4,
        archive: 1,
        faults: { latency_ms: 200 },
      },
      80,
      COLUMNS,
    );
    expect(text).toBe(
      'Clock: 2026-11-29T12:00:00.000Z (offset 5000 ms)\n' +
        'Rooms: 2  Tokens: 3  CDR: 4  Archive: 1  Faults: latency_ms=200\n' +
        'No live sessions.\n',
    );
  });

  it('never lets server text reach the terminal as control characters', () => {
    const text = statusText(
      {
        now: '\u001b]0;pwned\u0007',
        rooms: '\u001b[2J' as unknown as number,
        faults: { ['\u009b31m']: 'x\u202e' },
      },
      80,
      COLUMNS,
    );
    // eslint-disable-next-line no-control-regex -- looking for raw control characters is the test
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(text).toContain('Clock: \\x1b]0;pwned\\x07');
    expect(text).toContain('Rooms: \\x1b[2J');
    expect(text).toContain('Faults: \\x9b31m="x\\u202e"');
  });
});
