/** A colour level as chalk counts them: 0 none, 1 16 colours, 2 256 colours, 3 truecolor. */
export type ColorLevel = 0 | 1 | 2 | 3;

/** What the colour decision looks at of a stream. */
interface ColorStream {
  readonly isTTY?: boolean;
}

/** Colour levels for stderr (messages) and stdout (tables). */
interface ColorLevels {
  stderr: ColorLevel;
  stdout: ColorLevel;
}

/**
 * `FORCE_COLOR` as a level, or undefined when unset. `0` and `false` turn colour off; `true`, `1` and
 * the empty string are level 1, `2` and `3` those levels (more is 3), as chalk's supports-color and
 * Node.js read them; any other value forces colour at level 1 (force-color.org: "regardless of its
 * value").
 * @internal Exported for its table test: the rule itself is what the test checks.
 */
export function forcedLevel(value: string | undefined): ColorLevel | undefined {
  if (value === undefined) return undefined;
  if (value === '') return 1;
  const v = value.trim().toLowerCase();
  if (v === 'false' || v === '0') return 0;
  if (v === 'true') return 1;
  const n = /^\d+$/.test(v) ? Number(v) : NaN;
  return Number.isFinite(n) ? (Math.min(n, 3) as ColorLevel) : 1;
}

/**
 * The level a terminal supports, read from the environment as chalk's supports-color reads it
 * (never from process.env): `COLORTERM=truecolor` or `24bit`, or a terminal known for truecolor
 * (`TERM=xterm-kitty`, `xterm-ghostty`, `wezterm`, `TERM_PROGRAM=iTerm.app`), is 3; a `TERM` ending
 * in `-256color` (or `-256`), or Apple's Terminal, is 2; anything else is 1 (a TTY always gets the
 * 16 basic colours: that is what this CLI has always given it).
 * @internal Exported for its table test: the rule itself is what the test checks.
 */
export function terminalLevel(env: Readonly<Record<string, string | undefined>>): ColorLevel {
  const colorterm = (env['COLORTERM'] ?? '').toLowerCase();
  const term = (env['TERM'] ?? '').toLowerCase();
  const program = env['TERM_PROGRAM'];
  if (colorterm === 'truecolor' || colorterm === '24bit') return 3;
  if (term === 'xterm-kitty' || term === 'xterm-ghostty' || term === 'wezterm') return 3;
  if (program === 'iTerm.app') return 3;
  if (/-256(color)?$/.test(term) || program === 'Apple_Terminal') return 2;
  return 1;
}

/**
 * Which streams get colour, and how much. Highest first:
 * 1. `--no-color` (the `flag` is false): none;
 * 2. `FORCE_COLOR` (force-color.org, chalk): `0`/`false` none; otherwise its level (1, 2 or 3) on
 *    both streams, TTY or not (`TERM=dumb` too);
 * 3. `NO_COLOR` set and not empty (no-color.org): none;
 * 4. `TERM=dumb`: none;
 * 5. otherwise the terminal's level (terminalLevel) on each stream that is a TTY.
 * The command line beats the environment (both conventions ask for it), and FORCE_COLOR beats
 * NO_COLOR as it does in Node.js itself. Whether stdout colour is used at all (tables only) is
 * the caller's business.
 */
export function colorLevels(
  env: Readonly<Record<string, string | undefined>>,
  streams: { stdout: ColorStream; stderr: ColorStream },
  flag: boolean | undefined,
): ColorLevels {
  if (flag === false) return { stderr: 0, stdout: 0 };
  const forced = forcedLevel(env['FORCE_COLOR']);
  if (forced !== undefined) return { stderr: forced, stdout: forced };
  if ((env['NO_COLOR'] ?? '') !== '' || env['TERM'] === 'dumb') return { stderr: 0, stdout: 0 };
  const level = terminalLevel(env);
  return {
    stderr: streams.stderr.isTTY === true ? level : 0,
    stdout: streams.stdout.isTTY === true ? level : 0,
  };
}
