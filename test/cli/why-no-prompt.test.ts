import { describe, expect, it } from 'vitest';
import { resolveGlobals, truthyEnv } from '../../src/globals.js';
import { Runtime } from '../../src/runtime.js';
import { makeContext } from '../helpers/cli.js';

describe('truthyEnv', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['0', false],
    ['false', false],
    ['FALSE', false],
    ['1', true],
    ['true', true],
    ['yes', true],
  ])('%j is %s', (value, on) => {
    expect(truthyEnv(value)).toBe(on);
  });
});

describe('why prompting is off', () => {
  const why = (ci: string | undefined, tty: boolean, noInput: boolean) => {
    const ctx = makeContext({ env: { CI: ci }, stdinTTY: tty, stderrTTY: tty });
    const globals = resolveGlobals({ input: noInput ? false : undefined }, ctx);
    return new Runtime(ctx, globals).whyNoPrompt();
  };

  it.each([
    ['true', true, false, 'CI is set'],
    ['1', false, false, 'CI is set'],
    ['false', true, true, '--no-input'],
    ['0', true, true, '--no-input'],
    ['', true, true, '--no-input'],
    ['false', false, false, 'not a terminal'],
    [undefined, false, false, 'not a terminal'],
  ])('CI=%j, terminal %s, --no-input %s: %s', (ci, tty, noInput, reason) => {
    expect(why(ci, tty, noInput)).toBe(reason);
  });

  it('CI=false on a terminal still prompts (so no reason is asked for)', () => {
    const ctx = makeContext({ env: { CI: 'false' }, stdinTTY: true, stderrTTY: true });
    expect(resolveGlobals({}, ctx).canPrompt).toBe(true);
  });
});
