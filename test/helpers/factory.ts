import type { CommandSpec } from '../../src/commands/spec.js';
import { Factory, type Replaceable } from '../../src/factory.js';
import { resolveGlobals, type RawGlobals } from '../../src/globals.js';
import { makeContext, TEST_ENV, type TestContext, type TestContextOptions } from './cli.js';

/** What a test factory is built from: the context's options, the global flags, replaced parts. */
interface TestFactoryOptions extends TestContextOptions {
  /** Global flags as commander would hand them over (`{ quiet: true }` for `-q`). */
  globals?: RawGlobals;
  /** The verb being run (its default columns and behaviour). */
  verb?: Pick<CommandSpec, 'columns' | 'behaviour'> & { path?: string[] };
  replace?: Replaceable;
  /** Leave out the test credentials (TEST_ENV) from the environment. */
  noCredentials?: boolean;
}

/** A factory on an in-memory context, as a command's run function receives it. */
export function makeFactory(opts: TestFactoryOptions = {}): { f: Factory; ctx: TestContext } {
  const env = opts.noCredentials ? { ...opts.env } : { ...TEST_ENV, ...opts.env };
  const ctx = makeContext({ ...opts, env });
  const options = resolveGlobals({ retries: '0', ...opts.globals }, ctx);
  const verb = {
    path: opts.verb?.path ?? [],
    columns: opts.verb?.columns,
    behaviour: opts.verb?.behaviour ?? {},
  };
  return { f: new Factory(ctx, options, verb, undefined, opts.replace), ctx };
}
