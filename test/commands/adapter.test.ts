import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addCommand, readInput } from '../../src/commands/adapter.js';
import {
  arg,
  bool,
  defineCommand,
  optionalArg,
  text,
  textWithDefault,
  variadicArg,
  type CommandSpec,
  type VerbInput,
} from '../../src/commands/spec.js';

const load = async () => ({ run: async () => undefined });

/** A noun that runs and shares its filter with its verb, as `cdr` and `cdr summary` do. */
function tree(): { program: Command; noun: CommandSpec; verb: CommandSpec } {
  const verb = defineCommand({
    name: 'verb',
    summary: 'a verb',
    args: { id: arg('<id>', 'an id'), rest: variadicArg('[rest...]', 'more') },
    flags: {
      room: text('--room <id>', 'a room', { shared: true }),
      knock: bool('--knock', 'knock', { negatable: true }),
      limit: textWithDefault('--limit <n>', 'a limit', '5'),
    },
    load,
  });
  const noun = defineCommand({
    name: 'noun',
    summary: 'a noun',
    args: { path: optionalArg('[path]', 'a path') },
    flags: { room: text('--room <id>', 'a room') },
    load,
    subcommands: [verb],
  });
  const program = new Command('demo').exitOverride();
  addCommand(program, noun, () => async () => undefined);
  return { program, noun, verb };
}

/** Parses argv and reads back the input of the command at `path`. */
async function parse(argv: string[], which: 'noun' | 'verb'): Promise<VerbInput> {
  const { program, noun, verb } = tree();
  await program.parseAsync(argv, { from: 'user' });
  const nounCmd = program.commands[0]!;
  return which === 'noun'
    ? readInput(noun, nounCmd)
    : readInput(
        verb,
        nounCmd.commands.find((c) => c.name() === 'verb')!,
      );
}

describe('readInput: what a verb receives from what commander parsed', () => {
  it.each([
    ['after the verb', ['noun', 'verb', 'x', '--room', 'r1']],
    ['before the verb (on the noun)', ['noun', '--room', 'r1', 'verb', 'x']],
  ])('a shared flag given %s reaches the verb', async (_where, argv) => {
    const input = await parse(argv, 'verb');
    expect(input.opts['room']).toBe('r1');
    expect(input.given('room')).toBe(true);
  });

  it('a default is not "given"; a value typed is', async () => {
    const defaulted = await parse(['noun', 'verb', 'x'], 'verb');
    expect(defaulted.opts['limit']).toBe('5');
    expect(defaulted.given('limit')).toBe(false);
    const typed = await parse(['noun', 'verb', 'x', '--limit', '5'], 'verb');
    expect(typed.given('limit')).toBe(true);
  });

  it('--no-x is given and false; neither is undefined and not given', async () => {
    const off = await parse(['noun', 'verb', 'x', '--no-knock'], 'verb');
    expect(off.opts['knock']).toBe(false);
    expect(off.given('knock')).toBe(true);
    const none = await parse(['noun', 'verb', 'x'], 'verb');
    expect(none.opts['knock']).toBeUndefined();
    expect(none.given('knock')).toBe(false);
  });

  it('maps positional arguments to their keys, the variadic one as a list', async () => {
    const input = await parse(['noun', 'verb', 'x', 'y', 'z'], 'verb');
    expect(input.args).toEqual({ id: 'x', rest: ['y', 'z'] });
    const noun = await parse(['noun', 'p'], 'noun');
    expect(noun.args).toEqual({ path: 'p' });
  });

  it('refuses to build a verb that repeats a flag of its noun without reading it from there', () => {
    const verb = defineCommand({
      name: 'verb',
      summary: 'v',
      flags: { room: text('--room <id>', 'a room') },
      load,
    });
    const noun = defineCommand({
      name: 'noun',
      summary: 'n',
      flags: { room: text('--room <id>', 'a room') },
      subcommands: [verb],
    });
    expect(() => addCommand(new Command('demo'), noun, () => async () => undefined)).toThrow(
      'noun verb: --room is also a flag of `noun`; mark it `shared: true`.',
    );
  });
});
