import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  arg,
  bool,
  choice,
  choiceWithDefault,
  list,
  optionalArg,
  required,
  text,
  textWithDefault,
  variadicArg,
  type VerbInput,
} from '../../src/commands/spec.js';

const flags = {
  name: text('--name <text>', 'a name'),
  limit: textWithDefault('--limit <n>', 'a limit', '5'),
  user: required('--user <u>', 'a user'),
  dryRun: bool('--dry-run', 'dry'),
  mode: choice('--mode <m>', 'mode', ['a', 'b'] as const),
  role: choiceWithDefault('--role <r>', 'role', ['x', 'y'] as const, 'x'),
  data: list('--data <kv>', 'data'),
};
const args = {
  id: arg('<id>', 'an id'),
  path: optionalArg('[path]', 'a path'),
  rest: variadicArg('<rest...>', 'the rest'),
};
type Input = VerbInput<typeof flags, typeof args>;

describe('verb specs type what run receives', () => {
  it('a flag that may be left out may be undefined; one with a default or required may not', () => {
    expectTypeOf<Input['opts']['name']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Input['opts']['limit']>().toEqualTypeOf<string>();
    expectTypeOf<Input['opts']['user']>().toEqualTypeOf<string>();
    expectTypeOf<Input['opts']['dryRun']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Input['opts']['mode']>().toEqualTypeOf<'a' | 'b' | undefined>();
    expectTypeOf<Input['opts']['role']>().toEqualTypeOf<'x' | 'y'>();
    expectTypeOf<Input['opts']['data']>().toEqualTypeOf<string[] | undefined>();
  });

  it('arguments: required, optional and variadic', () => {
    expectTypeOf<Input['args']['id']>().toEqualTypeOf<string>();
    expectTypeOf<Input['args']['path']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Input['args']['rest']>().toEqualTypeOf<string[]>();
  });

  it('builders are plain data', () => {
    expect(flags.limit).toEqual({ flags: '--limit <n>', description: 'a limit', defaultValue: '5' });
    expect(flags.data.repeatable).toBe(true);
    expect(flags.user.mandatory).toBe(true);
    expect(args.rest.name).toBe('<rest...>');
  });
});
