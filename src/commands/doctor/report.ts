import { AuthError, CliError, ExitCode, NetworkError } from '../../lib/errors.js';
import type { Factory } from '../../factory.js';

/** How one check came out; `skip` when a check it depends on failed first. */
export type Status = 'ok' | 'warn' | 'fail' | 'skip';

/**
 * What a failed check means for the exit code: `config` (configuration, credentials, base URL,
 * clock: exit 3), `network` (no usable answer: exit 5), `api` (the API refused otherwise: exit 1).
 */
export type FailureClass = 'config' | 'network' | 'api';

/** One line of the report. */
export interface CheckResult {
  check: string;
  status: Status;
  detail: string;
  /** What to do about a warning or a failure. */
  fix?: string;
  /** For failures: which exit code it leads to. */
  failure?: FailureClass;
}

const SYMBOLS: Record<Status, string> = { ok: '✓', warn: '!', fail: '✗', skip: '-' };

/** Prints the report: a table (symbol, check, detail with the fix) or, with -o, one record per check. */
export function printReport(results: readonly CheckResult[], f: Pick<Factory, 'io' | 'options'>): void {
  if (f.options.format !== 'table') {
    f.io.data(
      results.map((r) => ({ check: r.check, status: r.status, detail: r.detail, fix: r.fix ?? null })),
    );
    return;
  }
  const c = f.io.cStdout;
  const paint: Record<Status, (s: string) => string> = {
    ok: c.green,
    warn: c.yellow,
    fail: c.red,
    skip: c.dim,
  };
  // The status is coloured after the printer escapes the cell: server text in `detail` cannot colour it.
  const status = (text: string) => paint[text.slice(text.indexOf(' ') + 1) as Status](text);
  f.io.data(
    results.map((r) => ({
      status: `${SYMBOLS[r.status]} ${r.status}`,
      check: r.check,
      detail: r.fix ? `${r.detail} — ${r.fix}` : r.detail,
    })),
    { columns: ['status', 'check', 'detail'], wrap: 'detail', styles: { status } },
  );
}

/** The error that sets the exit code (3 before 5 before 1), or undefined when nothing failed. */
export function outcome(results: readonly CheckResult[]): CliError | undefined {
  const failed = results.filter((r) => r.status === 'fail');
  if (failed.length === 0) return undefined;
  const message = `${failed.length} check${failed.length === 1 ? '' : 's'} failed: ${failed.map((r) => r.check).join(', ')}.`;
  const hint = 'Each failed line above says what to do.';
  const classes = new Set(failed.map((r) => r.failure ?? 'config'));
  if (classes.has('config')) return new AuthError(message, hint);
  if (classes.has('network')) return new NetworkError(message, hint);
  return new CliError(message, ExitCode.API, hint);
}

/** The closing line on stderr when nothing failed. */
export function summary(results: readonly CheckResult[]): string {
  const warnings = results.filter((r) => r.status === 'warn').length;
  return warnings === 0
    ? 'Everything looks good.'
    : `No failures; ${warnings} warning${warnings === 1 ? '' : 's'} to look at.`;
}
