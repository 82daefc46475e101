import { shellQuote } from '../../../lib/shell.js';
import { formatIsoUtc, parseDateTime } from '../../../lib/time.js';
import { ROOM_SETTINGS } from '../settings.js';

/** Global options worth repeating so the command reaches the same account. */
export interface CommandTarget {
  profile?: string | undefined;
  baseUrl?: string | undefined;
  emulator?: boolean;
}

/** A start time as `2026-12-01T04:30:00Z`: the `Z` says UTC to whoever reads or reruns the line. */
function isoTime(value: string): string {
  const at = parseDateTime(value);
  return at instanceof Date ? formatIsoUtc(at) : value;
}

/**
 * The `enablex room create` command line that creates the same room without the wizard: the
 * answers as flags, in the order of the settings table, every value quoted for copy and paste.
 */
export function equivalentCommand(
  answers: ReadonlyMap<string, unknown>,
  data: Readonly<Record<string, string>> | undefined,
  target: CommandTarget = {},
): string {
  const words = ['enablex'];
  if (target.emulator) words.push('--emulator');
  if (target.profile !== undefined) words.push('--profile', shellQuote(target.profile));
  if (target.baseUrl !== undefined) words.push('--base-url', shellQuote(target.baseUrl));
  words.push('room', 'create');
  for (const flag of ['name', 'owner-ref']) {
    const value = answers.get(flag);
    if (value !== undefined) words.push(`--${flag}`, shellQuote(String(value)));
  }
  // The room type and its schedule first, as people read them; then the table's order.
  const first = ['scheduled', 'adhoc', 'scheduled-time', 'duration', 'mode'];
  const specs = [
    ...first.map((flag) => ROOM_SETTINGS.find((s) => s.flag === flag)),
    ...ROOM_SETTINGS.filter((s) => !first.includes(s.flag)),
  ];
  for (const spec of specs) {
    if (!spec || !answers.has(spec.flag)) continue;
    const value = answers.get(spec.flag);
    if (spec.kind === 'bool') words.push(value === true ? `--${spec.flag}` : `--no-${spec.flag}`);
    else if (spec.kind === 'datetime') words.push(`--${spec.flag}`, shellQuote(isoTime(String(value))));
    else words.push(`--${spec.flag}`, shellQuote(String(value)));
  }
  for (const [key, value] of Object.entries(data ?? {})) words.push('--data', shellQuote(`${key}=${value}`));
  return words.join(' ');
}
