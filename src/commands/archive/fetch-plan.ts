import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { basicAuth } from '../../http/transport.js';
import type { ResolvedCredentials } from '../../config/resolve.js';
import { downloadAll, type FileOutcome } from '../../download/engine.js';
import type { CredentialsRefused } from '../../download/responses.js';
import { Manifest } from '../../download/manifest.js';
import { createProgress, formatBytes, type ProgressMode } from '../../download/progress.js';
import { AuthError, InterruptedError, PartialError } from '../../lib/errors.js';
import type { Factory } from '../../factory.js';
import type { PlannedFile } from './plan.js';

/** What fetching a plan needs. */
export interface FetchPlanOptions {
  dir: string;
  concurrency: number;
  recording: NonNullable<ResolvedCredentials['recording']>;
  f: Factory;
}

/** Exit 3 when the file server refuses the recording credentials, saying where they came from. */
function refusedError(err: CredentialsRefused, source: string): AuthError {
  const where =
    source === 'env'
      ? 'Check ENABLEX_RECORDING_USER and ENABLEX_RECORDING_PASSWORD'
      : source === 'profile'
        ? 'Check the recording user and password of the profile (`enablex profile add <name> --recording-user <user> --recording-password-stdin --yes` replaces them)'
        : 'Check the recording user and password';
  return new AuthError(
    `the recording credentials were refused: ${err.host} answered HTTP ${err.status}.`,
    `${where}: they are the recording-file credentials set in the EnableX portal, not the app id and key.`,
  );
}

/** A skipped file reports the size of the complete file already on disk, not the 0 bytes moved. */
async function withSkippedSize(outcome: FileOutcome, dir: string): Promise<FileOutcome> {
  if (outcome.status !== 'skipped') return outcome;
  const info = await stat(join(dir, outcome.path)).catch(() => undefined);
  return info ? { ...outcome, bytes: info.size } : outcome;
}

/**
 * Fetches every file of the plan into `dir` (created by the caller) and reports: a progress bar (TTY) or a line per file,
 * one summary line (unless -q), the failures on stderr; exit 3 when the credentials are refused,
 * 130 on Ctrl-C (partials kept), 6 when some files failed.
 */
export async function fetchPlan(plan: readonly PlannedFile[], options: FetchPlanOptions): Promise<void> {
  const { dir, concurrency, recording, f } = options;
  const manifest = await Manifest.load(dir, (m) => f.io.warn(m));
  const jobs = plan.flatMap((p) => (p.job ? [p.job] : []));
  const mode: ProgressMode = f.options.quiet
    ? 'off'
    : f.io.stderr.isTTY && !f.options.verbose
      ? 'bar'
      : 'lines';
  const progress = createProgress(f.io.stderr, mode, jobs.length);
  const log = f.options.verbose ? (line: string) => f.io.log(line) : undefined;
  let result;
  try {
    result = await downloadAll(jobs, {
      authorization: basicAuth(recording.user, recording.password),
      userAgent: `enablex-cli/${f.version}`,
      timeoutMs: f.options.timeoutMs,
      env: f.env,
      insecure: f.options.insecure,
      signal: f.signal,
      manifest,
      log,
      concurrency,
      retries: f.options.retries,
      sleep: f.clock.sleep,
      // A long wait before retrying a file is announced as for API requests (the bar is cleared first).
      notice: (line) => {
        progress.end();
        f.io.note(line);
      },
      progress,
    });
  } finally {
    progress.end();
  }
  if (result.refused) throw refusedError(result.refused, recording.source);

  // Files refused by the URL rules count as failed, after the ones that were tried.
  const outcomes: FileOutcome[] = [
    ...(await Promise.all(result.outcomes.map((o) => withSkippedSize(o, dir)))),
    ...plan.flatMap((p) =>
      p.refused ? [{ path: p.path, status: 'failed' as const, bytes: 0, error: p.refused }] : [],
    ),
  ];
  const count = (status: FileOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  // The tally counts what moved over the network this run, not the files already there.
  const bytes = outcomes.reduce((sum, o) => sum + (o.status === 'skipped' ? 0 : o.bytes), 0);
  const failures = outcomes.filter((o) => o.status === 'failed');
  const tally = `Downloaded ${count('downloaded')}, skipped ${count('skipped')}, failed ${failures.length} (${formatBytes(bytes)})`;
  if (result.interrupted) {
    f.io.note(
      `Stopped. ${tally} so far; unfinished files stay as *.partial in ${dir} and resume on the next run.`,
    );
    throw new InterruptedError();
  }

  if (f.options.formatExplicit || f.options.quiet) {
    const rows = outcomes.map((o) => ({
      file: join(dir, o.path),
      status: o.status,
      bytes: o.bytes,
      error: o.error,
    }));
    f.io.data(f.options.quiet ? rows.filter((r) => r.status !== 'failed') : rows, {
      idField: 'file',
      columns: ['file', 'status', 'bytes', 'error'],
    });
  }
  for (const failed of failures) f.io.failure(`${failed.path}: ${failed.error ?? 'failed'}`);
  f.io.note(`${tally}, into ${dir}.`);
  if (failures.length) {
    const insecureHelps = failures.some((failed) => failed.error?.includes('--insecure'));
    throw new PartialError(
      `${failures.length} of ${plan.length} files failed.`,
      insecureHelps
        ? 'Pass --insecure to fetch plain http:// files; run the same command again to retry the rest.'
        : 'Run the same command again to retry them: complete files are skipped, partial ones resume.',
    );
  }
}
