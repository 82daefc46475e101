import type { Writable } from 'node:stream';
import type { InStream } from './context.js';
import { InterruptedError } from './lib/errors.js';

/** A validation function: true when fine, otherwise the message to show. */
export type Validate = (value: string) => true | string;

/** The prompts commands may use. Only built when the runtime allows prompting. */
export interface Prompter {
  input(message: string, opts?: { default?: string; validate?: Validate }): Promise<string>;
  secret(message: string, opts?: { validate?: Validate }): Promise<string>;
  confirm(message: string, opts?: { default?: boolean }): Promise<boolean>;
  select<T extends string>(
    message: string,
    choices: readonly { value: T; name?: string; description?: string; short?: string }[],
    opts?: { default?: T },
  ): Promise<T>;
}

/** Maps inquirer's Ctrl-C to the CLI's interrupted error (exit 130). */
async function guard<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    const name = (err as Error)?.name;
    if (name === 'ExitPromptError' || name === 'AbortPromptError') throw new InterruptedError();
    throw err;
  }
}

/** Builds the inquirer-backed prompter on the terminal's streams (prompts go to stderr). */
export async function createPrompter(
  streams: { readonly stdin: InStream; readonly rawStderr: Writable },
  signal: AbortSignal,
): Promise<Prompter> {
  const inquirer = await import('@inquirer/prompts');
  const io = { input: streams.stdin, output: streams.rawStderr, signal, clearPromptOnDone: false };
  return {
    input: (message, opts = {}) =>
      guard(inquirer.input({ message, default: opts.default, validate: opts.validate }, io)),
    secret: (message, opts = {}) =>
      guard(inquirer.password({ message, mask: '*', validate: opts.validate }, io)),
    confirm: (message, opts = {}) => guard(inquirer.confirm({ message, default: opts.default ?? false }, io)),
    select: (message, choices, opts = {}) =>
      guard(
        inquirer.select(
          {
            message,
            choices: choices.map((c) => ({
              value: c.value,
              name: c.name ?? c.value,
              description: c.description,
              short: c.short,
            })),
            default: opts.default,
          },
          io,
        ),
      ),
  };
}
