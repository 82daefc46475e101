import { dirname } from 'node:path';
import type { Env } from '../context.js';
import { TransportError } from '../http/network-error.js';
import type { AgentFactory } from '../http/proxy.js';
import { retrying, type Failure, type RetryOptions } from '../http/retry.js';
import { createTransport } from '../http/transport.js';
import { makeFolders } from '../lib/fs/folders.js';
import { fileErrorWords } from '../lib/fs/output-error.js';
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

/**
 * What the engine needs besides the per-fetch dependencies. `retries`, `sleep`, `log` and
 * `notice` drive the shared retry loop: a file is retried (and resumed) under the same policy as
 * an API request.
 */
interface EngineOptions extends Omit<FetchDeps, 'onBytes' | 'transport'>, RetryOptions {
  /** `Basic …` built from the recording credentials; never logged. */
  authorization: string;
  userAgent: string;
  env: Env;
  concurrency: number;
  progress: ProgressSink;
  /** Builds proxy agents (tests pass their own to count them); hpagent's by default. */
  agentFactory?: AgentFactory;
}

/** The run's result: one outcome per finished job (in job order), and why it stopped early, if it did. */
interface EngineResult {
  outcomes: FileOutcome[];
  refused?: CredentialsRefused;
  interrupted: boolean;
}

/** Stops the shared retry loop when the run or the file is cancelled; the engine then reports nothing. */
class Stopped extends Error {}

/** A file's failure as the retry log names it (`rec/a.mp4: …`), and its own words for the outcome. */
class FileError extends Error {
  constructor(
    rel: string,
    readonly detail: string,
  ) {
    super(`${rel}: ${detail}`);
  }
}

/**
 * Fetches the jobs, `concurrency` at a time. Complete files (per the manifest) are skipped; the
 * first 401/403 stops every transfer (the credentials are wrong for all of them); Ctrl-C stops
 * them too, leaving `.partial` files for the next run to resume.
 */
export async function downloadAll(jobs: readonly FileJob[], options: EngineOptions): Promise<EngineResult> {
  const stop = new AbortController();
  const signal = AbortSignal.any([options.signal, stop.signal]);
  // One transport (and so one set of proxy agents) for the whole run, closed when it ends.
  const transport = createTransport({
    authorization: options.authorization,
    userAgent: options.userAgent,
    timeoutMs: options.timeoutMs,
    env: options.env,
    log: options.log,
    agentFactory: options.agentFactory,
  });
  const deps: FetchDeps = {
    transport,
    timeoutMs: options.timeoutMs,
    insecure: options.insecure,
    manifest: options.manifest,
    signal,
    onBytes: (n) => options.progress.bytes(n),
  };
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
    /** This file's failure in words: a disk error as such, anything else scrubbed of credentials. */
    const describe = (err: unknown): string => {
      const words = err instanceof TransportError ? undefined : fileErrorWords(err);
      return words
        ? `cannot save the file (${words})`
        : scrub(err instanceof Error ? err.message : String(err));
    };
    const judge = (err: unknown): Failure => {
      if (err instanceof CredentialsRefused) return { error: err };
      const error = new FileError(job.rel, describe(err));
      if (err instanceof TransportError) return { error, code: err.code };
      if (err instanceof FileFailure) {
        return err.status === undefined
          ? { error, transient: err.transient }
          : { error, status: err.status, retryAfterMs: err.retryAfterMs };
      }
      return { error };
    };
    try {
      await retrying(
        options,
        { method: 'GET', what: `GET ${job.rel}`, signal: mine, stopped: () => new Stopped() },
        async () => {
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
        },
        judge,
      );
      return { path: job.rel, status: 'downloaded', bytes: moved };
    } catch (err) {
      if (err instanceof CredentialsRefused) {
        refused ??= err;
        stop.abort();
        return undefined;
      }
      if (err instanceof Stopped || signal.aborted) return undefined;
      const error = err instanceof FileError ? err.detail : describe(err);
      return { path: job.rel, status: 'failed', bytes: moved, error };
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
    transport.close();
  }
  return {
    outcomes: outcomes.filter((o): o is FileOutcome => o !== undefined),
    refused,
    interrupted: options.signal.aborted,
  };
}
