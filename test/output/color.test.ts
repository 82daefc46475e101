import { describe, expect, it } from 'vitest';
import { resolveGlobals } from '../../src/globals.js';
import { colorLevels, forcedLevel, terminalLevel } from '../../src/output/color.js';
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

describe('terminalLevel: the level of a TTY, from the given environment only', () => {
  it.each([
    [{}, 1],
    [{ TERM: 'xterm' }, 1],
    [{ TERM: 'xterm-256color' }, 2],
    [{ TERM: 'screen-256color' }, 2],
    [{ TERM: 'putty-256' }, 2],
    [{ COLORTERM: 'truecolor' }, 3],
    [{ COLORTERM: '24bit', TERM: 'xterm-256color' }, 3],
    [{ COLORTERM: 'TrueColor' }, 3],
    [{ COLORTERM: 'yes' }, 1],
    [{ TERM: 'xterm-kitty' }, 3],
    [{ TERM_PROGRAM: 'iTerm.app' }, 3],
    [{ TERM_PROGRAM: 'Apple_Terminal' }, 2],
  ] as const)('%j -> %i', (env, level) => {
    expect(terminalLevel(env)).toBe(level);
  });

  it.each([
    // env, stderr, stdout, expected [stderr, stdout]
    [{ TERM: 'xterm-256color' }, tty, pipe, [2, 0]],
    [{ COLORTERM: 'truecolor' }, pipe, tty, [0, 3]],
    [{ COLORTERM: 'truecolor' }, tty, tty, [3, 3]],
    [{ COLORTERM: 'truecolor', NO_COLOR: '1' }, tty, tty, [0, 0]],
    [{ TERM: 'dumb', COLORTERM: 'truecolor' }, tty, tty, [0, 0]],
    [{ FORCE_COLOR: '1', COLORTERM: 'truecolor' }, tty, tty, [1, 1]],
  ] as const)('colorLevels %j stderr %j stdout %j -> %j', (env, stderr, stdout, [e, o]) => {
    expect(colorLevels(env, { stderr, stdout }, undefined)).toEqual({ stderr: e, stdout: o });
    expect(colorLevels(env, { stderr, stdout }, false)).toEqual({ stderr: 0, stdout: 0 });
  });

  it('reads the context it is given, not process.env', () => {
    const saved = process.env['COLORTERM'];
    process.env['COLORTERM'] = 'truecolor';
    try {
      const ctx = makeContext({ env: { TERM: 'xterm-256color' }, stderrTTY: true, stdoutTTY: true });
      const globals = resolveGlobals({}, ctx);
      expect([globals.color, globals.stdoutColor]).toEqual([2, 2]);
    } finally {
      if (saved === undefined) delete process.env['COLORTERM'];
      else process.env['COLORTERM'] = saved;
    }
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
    expect(run({ FORCE_COLOR: '2' }).globals.stdoutColor).toBe(2);
    expect(run({ FORCE_COLOR: '2' }, {}, 'json').globals.stdoutColor).toBe(0);
    expect(run({ FORCE_COLOR: '2' }, {}, 'json').out.cStdout.level).toBe(0);
  });

  it.each([
    // FORCE_COLOR, expected level of both chalk instances
    ['0', 0],
    ['false', 0],
    ['1', 1],
    ['true', 1],
    ['', 1],
    ['2', 2],
    ['3', 3],
  ] as const)('FORCE_COLOR=%j gives chalk level %i on stderr and stdout', (value, level) => {
    const { out, globals } = run({ FORCE_COLOR: value });
    expect([globals.color, globals.stdoutColor]).toEqual([level, level]);
    expect([out.c.level, out.cStdout.level]).toEqual([level, level]);
  });

  it('draws 256 colours and truecolor at those levels', () => {
    expect(run({ FORCE_COLOR: '2' }).out.cStdout.hex('#ff8800')('x')).toBe('\u001b[38;5;214mx\u001b[39m');
    expect(run({ FORCE_COLOR: '3' }).out.c.hex('#ff8800')('x')).toBe('\u001b[38;2;255;136;0mx\u001b[39m');
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
