import { UsageError } from '../../../lib/errors.js';
import type { Factory } from '../../../factory.js';
import type { CreateInput } from '../create.verb.js';

/** The flags that decide between the flags, a file and the wizard. */
type GateFlags = Pick<CreateInput['opts'], 'name' | 'ownerRef' | 'file' | 'interactive'>;

/** The required flags `room create` lacks; none when --file is given (the file may hold them). */
export function missingRequired(opts: Omit<GateFlags, 'interactive'>): string[] {
  if (opts.file !== undefined) return [];
  return [
    ...(opts.name === undefined ? ['--name'] : []),
    ...(opts.ownerRef === undefined ? ['--owner-ref'] : []),
  ];
}

/** `room create` runs the wizard with -i, or on a terminal when none of --name, --owner-ref, --file is given. */
export function wantsWizard(opts: GateFlags, canPrompt: boolean): boolean {
  if (opts.interactive === true) return true;
  return canPrompt && opts.file === undefined && missingRequired(opts).length === 2;
}

/** "a, b and c" */
function list(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/**
 * The usage error (exit 2) for required flags that are missing, naming every one of them, and,
 * when no prompt may be shown, why; with nothing missing it says the wizard needs a terminal.
 */
export function missingError(missing: readonly string[], f: Factory): UsageError {
  const why = f.io.canPrompt ? '' : ` (no prompt: ${f.io.whyNoPrompt()})`;
  if (missing.length === 0) {
    return new UsageError(
      `-i/--interactive needs a terminal${why}.`,
      'Drop -i and pass the settings as flags, e.g. --name and --owner-ref.',
    );
  }
  return new UsageError(
    `missing ${list(missing)}${why}.`,
    `Pass the flags, or ${f.io.canPrompt ? 'add -i to be asked for them' : f.io.howToPrompt()}.`,
  );
}
