import { describe, expect, it } from 'vitest';
import { resolveGlobals } from '../../src/globals.js';
import { Printer } from '../../src/output/printer.js';
import { makeContext } from '../helpers/cli.js';

const printer = (quiet: boolean, tty: boolean) => {
  const ctx = makeContext({ stderrTTY: tty });
  return { ctx, out: new Printer(ctx, resolveGlobals({ quiet }, ctx)) };
};

describe('Printer.failure', () => {
  it.each([
    [false, false],
    [true, false],
  ])('writes "✗ message" on stderr, even with -q (quiet %s)', (quiet, tty) => {
    const { ctx, out } = printer(quiet, tty);
    out.failure('room b: not found');
    expect(ctx.err.text).toBe('✗ room b: not found\n');
    expect(ctx.out.text).toBe('');
  });

  it('colours the mark red on a terminal', () => {
    const { ctx, out } = printer(false, true);
    out.failure('x');
    expect(ctx.err.text).toBe('\u001b[31m✗\u001b[39m x\n');
  });

  it('is not silenced where success is', () => {
    const { ctx, out } = printer(true, false);
    out.success('done');
    out.failure('failed');
    expect(ctx.err.text).toBe('✗ failed\n');
  });
});
