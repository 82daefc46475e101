import { dirname } from 'node:path';
import { RequestError } from 'got';
import { backoffMs, proxyAgents } from '../api/http.js';
import { makeFolders } from '../fs/folders.js';
import { fileErrorWords } from '../fs/output-error.js';
import { fetchFile, type FetchDeps, type FileJob } from './fetch.js';
import { refuseLinkedFolders } from './folder-links.js';
import { CredentialsRefused, FileFailure } from './responses.js';

/** How one file ended. */
export interface FileOutcome {
  path: string;
  status: 'downloaded' | 'skipped' | 'failed';
  bytes: number;
  error?: string;
}

/** Receives progress as files move; the command picks a bar, plain lines or nothing. */
export interface ProgressSink {
  bytes(n: number): void;
  done(outcome: FileOutcome): void;
}

/** What the engine needs besides the per-fetch dependencies. */
export interface EngineOptions extends Omit<FetchDeps, 'onBytes' | 'agents'> {
  concurrency: number;
  /** Extra tries for a file after a transient failure (network, 5xx, cut transfer); each resumes. */
  retries: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  progress: ProgressSink;
}

/** The run's result: one outcome per finished job (in job order), and why it stopped early, if it did. */
export interface EngineResult {
  outcomes: FileOutcome[];
  refused?: CredentialsRefused;
  interrupted: boolean;
}

/** True for failures a later try may get past: the network, the server's 5xx, a cut transfer. */
function isTransient(err: unknown): boolean {
  return err instanceof FileFailure ? err.transient : err instanceof RequestError;
}

/**
 * Fetches the jobs, `concurrency` at a time. Complete files (per the manifest) are skipped; the
 * first 401/403 stops every transfer (the credentials are wrong for all of them); Ctrl-C stops
 * them too, leaving `.partial` files for the next run to resume.
 */
export async function downloadAll(jobs: readonly FileJob[], options: EngineOptions): Promise<EngineResult> {
  const stop = new AbortController();
  const signal = AbortSignal.any([options.signal, stop.signal]);
  // One set of proxy agents for the whole run, destroyed when it ends: no sockets are left open.
  const agents = proxyAgents(options.env);
  const deps: FetchDeps = { ...options, signal, agents, onBytes: (n) => options.progress.bytes(n) };
  // One abort listener on the run's signal for every transfer: a listener per file (got adds one
  // per request) passed Node's limit of 10 and printed MaxListenersExceededWarning.
  const transfers = new Set<AbortController>();
  signal.addEventListener('abort', () => {
    for (const t of transfers) t.abort(signal.reason);
  });
  const outcomes: (FileOutcome | undefined)[] = [];
  let refused: CredentialsRefused | undefined;
  // A library error may echo the request it failed on; the credentials must not reach the user.
  const token = options.authorization.replace(/^Basic\s+/i, '');
  const scrub = (text: string) => (token ? text.split(token).join('[REDACTED]') : text);

  async function one(job: FileJob): Promise<FileOutcome | undefined> {
    const transfer = new AbortController();
    transfers.add(transfer);
    if (signal.aborted) transfer.abort(signal.reason);
    try {
      return await attempts(job, transfer.signal);
    } finally {
      transfers.delete(transfer);
    }
  }

  /** Fetches one job, retrying transient failures; `mine` is this job's own abort signal. */
  async function attempts(job: FileJob, mine: AbortSignal): Promise<FileOutcome | undefined> {
    try {
      await refuseLinkedFolders(job);
    } catch (err) {
      const error =
        err instanceof FileFailure
          ? err.message
          : `cannot save the file (${fileErrorWords(err) ?? (err instanceof Error ? err.message : String(err))})`;
      return { path: job.rel, status: 'failed', bytes: 0, error };
    }
    if (await options.manifest.isComplete(job.rel, job.full)) {
      return { path: job.rel, status: 'skipped', bytes: 0 };
    }
    let moved = 0;
    for (let attempt = 0; ; attempt++) {
      try {
        await makeFolders(dirname(job.full));
        // Again after creating them: a link planted meanwhile is refused too.
        await refuseLinkedFolders(job);
        await fetchFile(job, {
          ...deps,
          signal: mine,
          onBytes: (n) => {
            moved += n;
            deps.onBytes(n);
          },
        });
        return { path: job.rel, status: 'downloaded', bytes: moved };
      } catch (err) {
        if (err instanceof CredentialsRefused) {
          refused ??= err;
          stop.abort();
          return undefined;
        }
        if (signal.aborted) return undefined;
        // A disk error in words; a network error (which carries errno codes too) as it is.
        const words = err instanceof RequestError ? undefined : fileErrorWords(err);
        const message = words
          ? `cannot save the file (${words})`
          : scrub(err instanceof Error ? err.message : String(err));
        if (!isTransient(err) || attempt >= options.retries) {
          return { path: job.rel, status: 'failed', bytes: moved, error: message };
        }
        // The server's Retry-After when it gave one (429, 503), as for API requests.
        const wait = (err instanceof FileFailure ? err.retryAfterMs : undefined) ?? backoffMs(attempt);
        options.log?.(`! ${job.rel}: ${message}; retrying in ${wait} ms`);
        try {
          await options.sleep(wait, mine);
        } catch {
          return undefined;
        }
      }
    }
  }

  let next = 0;
  async function worker(): Promise<void> {
    while (!signal.aborted && next < jobs.length) {
      const index = next++;
      const outcome = await one(jobs[index]!);
      outcomes[index] = outcome;
      if (outcome) options.progress.done(outcome);
    }
  }
  const workers = Math.max(1, Math.min(options.concurrency, jobs.length));
  try {
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    agents.close();
  }
  return {
    outcomes: outcomes.filter((o): o is FileOutcome => o !== undefined),
    refused,
    interrupted: options.signal.aborted,
  };
}
