import type { Command } from 'commander';
import type { Runtime } from '../runtime.js';

/** What commander parsed for one command: positional args, its own options, the command itself. */
export interface CommandInput {
  args: string[];
  opts: Record<string, unknown>;
  command: Command;
}

/** A verb's module: one run function. Loaded only when that verb runs. */
export interface VerbModule {
  run(input: CommandInput, rt: Runtime): Promise<void>;
}

/** Turns a lazy verb loader into a commander action; the CLI supplies it so the tree can be built without a context. */
export type ActionFactory = (load: () => Promise<VerbModule>) => (...args: unknown[]) => Promise<void>;

/** Formats the "Examples:" block of a command's help. */
export function examples(...lines: [comment: string, command: string][]): string {
  return '\nExamples:\n' + lines.map(([comment, command]) => `  # ${comment}\n  $ ${command}\n`).join('\n');
}
