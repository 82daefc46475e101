import { describe, expect, it } from 'vitest';
import { truthyEnv } from '../../src/globals.js';
import { makeFactory } from '../helpers/factory.js';

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
    const { f } = makeFactory({
      env: { CI: ci },
      stdinTTY: tty,
      stderrTTY: tty,
      globals: { input: noInput ? false : undefined },
    });
    return f.io.whyNoPrompt();
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
    const { f } = makeFactory({ env: { CI: 'false' }, stdinTTY: true, stderrTTY: true });
    expect(f.io.canPrompt).toBe(true);
  });
});
