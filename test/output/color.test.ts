import { describe, expect, it } from 'vitest';
import { resolveGlobals } from '../../src/globals.js';
import { colorLevels, forcedLevel } from '../../src/output/color.js';
import { Printer } from '../../src/output/printer.js';
import { makeContext } from '../helpers/cli.js';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('colorLevels', () => {
  it.each([
    // env, stderr, stdout, --no-color flag (false) or not given, expected [stderr, stdout]
    [{}, tty, pipe, undefined, [1, 0]],
    [{}, pipe, tty, undefined, [0, 1]],
    [{}, pipe, pipe, undefined, [0, 0]],
    [{ FORCE_COLOR: '1' }, pipe, pipe, undefined, [1, 1]],
    [{ FORCE_COLOR: '2' }, pipe, pipe, undefined, [2, 2]],
    [{ FORCE_COLOR: '3' }, pipe, pipe, undefined, [3, 3]],
    [{ FORCE_COLOR: '7' }, pipe, pipe, undefined, [3, 3]],
    [{ FORCE_COLOR: 'true' }, pipe, pipe, undefined, [1, 1]],
    [{ FORCE_COLOR: 'yes' }, pipe, pipe, undefined, [1, 1]],
    [{ FORCE_COLOR: '0' }, tty, tty, undefined, [0, 0]],
    [{ FORCE_COLOR: 'false' }, tty, tty, undefined, [0, 0]],
    [{ FORCE_COLOR: '' }, pipe, pipe, undefined, [1, 1]],
    [{ NO_COLOR: '1' }, tty, tty, undefined, [0, 0]],
    [{ NO_COLOR: '' }, tty, tty, undefined, [1, 1]],
    [{ TERM: 'dumb' }, tty, tty, undefined, [0, 0]],
    [{ FORCE_COLOR: '1', TERM: 'dumb' }, pipe, pipe, undefined, [1, 1]],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, pipe, pipe, undefined, [1, 1]],
    [{ FORCE_COLOR: '0', NO_COLOR: '' }, tty, tty, undefined, [0, 0]],
    [{ FORCE_COLOR: '3' }, tty, tty, false, [0, 0]],
    [{}, tty, tty, false, [0, 0]],
    [{}, tty, tty, true, [1, 1]],
  ] as const)('%j stderr %j stdout %j flag %s -> %j', (env, stderr, stdout, flag, [e, o]) => {
    expect(colorLevels(env, { stderr, stdout }, flag)).toEqual({ stderr: e, stdout: o });
  });

  it('reads FORCE_COLOR as chalk does for its documented values', () => {
    expect([undefined, '', '0', '1', '2', '3', 'true', 'false', 'TRUE'].map(forcedLevel)).toEqual([
      undefined,
      1,
      0,
      1,
      2,
      3,
      1,
      0,
      1,
    ]);
  });
});

describe('FORCE_COLOR reaches the printer through the global options', () => {
  const run = (env: Record<string, string>, raw: { color?: boolean } = {}, format?: string) => {
    const ctx = makeContext({ env, stderrTTY: false, stdoutTTY: false });
    const globals = resolveGlobals({ ...raw, ...(format ? { output: format } : {}) }, ctx);
    const out = new Printer(ctx, globals);
    out.warn('careful');
    return { ctx, globals, out };
  };

  it('colours a piped stderr with FORCE_COLOR=1', () => {
    expect(run({ FORCE_COLOR: '1' }).ctx.err.text).toBe('\u001b[33mWarning:\u001b[39m careful\n');
  });

  it('beats NO_COLOR, loses to --no-color', () => {
    expect(run({ FORCE_COLOR: '1', NO_COLOR: '1' }).ctx.err.text).toContain('\u001b[33m');
    expect(run({ FORCE_COLOR: '1' }, { color: false }).ctx.err.text).toBe('Warning: careful\n');
  });

  it('colours stdout tables only, never json', () => {
    expect(run({ FORCE_COLOR: '2' }).globals.stdoutColor).toBe(true);
    expect(run({ FORCE_COLOR: '2' }).out.cStdout.level).toBe(1);
    expect(run({ FORCE_COLOR: '2' }, {}, 'json').globals.stdoutColor).toBe(false);
  });

  it('takes a level directly', () => {
    const ctx = makeContext();
    const out = new Printer(ctx, {
      format: 'table',
      quiet: false,
      verbose: false,
      color: 3,
      stdoutColor: 2,
      csvRaw: false,
    });
    expect([out.c.level, out.cStdout.level]).toEqual([3, 2]);
  });
});
