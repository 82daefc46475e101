import { ApiError, CliError, NetworkError, PendingChangesError, UsageError } from '../lib/errors.js';
import { terminalSafe, terminalSafeLines } from './escape.js';

/** Renders any thrown value as the short block users see on stderr: never a stack trace unless asked. */
export function renderError(
  err: unknown,
  opts: { verbose?: boolean; red?: (s: string) => string } = {},
): string {
  const red = opts.red ?? ((s: string) => s);
  // Messages quote server text: escaped before the CLI adds its colour. An API or network failure
  // carries the server's own words, so it stays on one line (a server cannot forge a "Hint:" line);
  // the CLI's own messages may list problems on several lines.
  const safe = err instanceof ApiError || err instanceof NetworkError ? terminalSafe : terminalSafeLines;
  if (err instanceof PendingChangesError) return `${terminalSafeLines(err.message)}\n`;
  if (err instanceof CliError) {
    const lines = [`${red('Error:')} ${safe(err.message)}`];
    if (err.hint) lines.push(`Hint: ${safe(err.hint)}`);
    if (opts.verbose && err.stack && !(err instanceof UsageError))
      lines.push('', terminalSafeLines(err.stack));
    return lines.join('\n') + '\n';
  }
  const message = err instanceof Error ? err.message : String(err);
  const lines = [
    `${red('Error:')} unexpected failure: ${safe(message)}`,
    'Hint: this is a bug in enablex-cli; run again with --verbose and report the output.',
  ];
  if (opts.verbose && err instanceof Error && err.stack) lines.push('', terminalSafeLines(err.stack));
  return lines.join('\n') + '\n';
}
