import { describe, expect, it } from 'vitest';
import { equivalentCommand } from '../../../src/commands/room/wizard/cmdline.js';
import { suggestedFileName } from '../../../src/commands/room/wizard/save.js';
import { formatUtc } from '../../../src/lib/time.js';

describe('equivalentCommand', () => {
  it('puts name, owner, type and schedule first; booleans as --x / --no-x; data last', () => {
    const answers = new Map<string, unknown>([
      ['name', 'Town hall'],
      ['owner-ref', 'hr'],
      ['participants', '50'],
      ['knock', true],
      ['screen-share', false],
      ['scheduled', true],
      ['scheduled-time', formatUtc(new Date('2026-12-01T04:00:00Z'))],
      ['duration', '30'],
      ['mode', 'lecture'],
      ['max-active-talkers', 4],
    ]);
    expect(equivalentCommand(answers, { team: "a'b" })).toBe(
      "enablex room create --name 'Town hall' --owner-ref hr --scheduled --scheduled-time 2026-12-01T04:00:00Z --duration 30 --mode lecture --participants 50 --no-screen-share --max-active-talkers 4 --knock --data 'team=a'\\''b'",
    );
  });

  it('repeats --profile, --base-url and --emulator so it reaches the same account', () => {
    const answers = new Map<string, unknown>([
      ['name', 'x'],
      ['owner-ref', 'y'],
    ]);
    expect(equivalentCommand(answers, undefined, { profile: 'my prof', baseUrl: 'https://h/video/v2' })).toBe(
      "enablex --profile 'my prof' --base-url https://h/video/v2 room create --name x --owner-ref y",
    );
    expect(equivalentCommand(answers, undefined, { emulator: true })).toBe(
      'enablex --emulator room create --name x --owner-ref y',
    );
  });
});

describe('suggestedFileName', () => {
  it.each([
    ['Town hall', 'room-town-hall.json'],
    ["  Q4 / Sales & Ops' review!  ", 'room-q4-sales-ops-review.json'],
    ['Café crème', 'room-cafe-creme.json'],
    ['日本語', 'room-settings.json'],
    [undefined, 'room-settings.json'],
    ['x'.repeat(60), `room-${'x'.repeat(40)}.json`],
  ])('%j -> %s', (name, file) => {
    expect(suggestedFileName(name)).toBe(file);
  });
});
