import type { Context } from './context.js';
import { Scrubber } from './http/redact.js';
import { Factory, type IO } from './factory.js';
import type { Globals } from './globals.js';

/**
 * The factory under the names older command modules use (`rt.out`, `rt.globals`, `rt.ctx`), so
 * they keep working while each verb moves to its spec.
 */
export class Runtime extends Factory {
  /** Set by long-running commands (the emulator) for which Ctrl-C or SIGTERM is the normal way to stop. */
  stopSignalIsSuccess = false;
  /** Warn on stderr when the profile file is readable by others; `doctor` reports it itself instead. */
  warnLoosePermissions = true;

  constructor(
    readonly ctx: Context,
    globals: Globals,
    secrets: Scrubber = new Scrubber(),
  ) {
    super(ctx, globals, { path: [], columns: undefined, behaviour: {} }, secrets, ctx.replace);
  }

  get out(): IO {
    return this.io;
  }

  get globals(): Globals {
    return this.options;
  }

  protected override reportsLoosePermissions(): boolean {
    return !this.warnLoosePermissions;
  }

  whyNoPrompt(): string {
    return this.io.whyNoPrompt();
  }

  howToPrompt(): string {
    return this.io.howToPrompt();
  }
}
