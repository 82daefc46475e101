import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';

export { tempDir } from '../../helpers/temp.js';
export { until } from '../../helpers/until.js';

/** The built binary, as users run it. `npm test` builds before running the tests. */
export const BIN = fileURLToPath(new URL('../../../bin/enablex.js', import.meta.url));

/** What a spawned run left behind. */
export interface SpawnResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** One captured run, for the end-of-file secret scan. */
interface Captured {
  what: string;
  stdout: string;
  stderr: string;
}

/** What a run left behind, plus how long it took. */
export interface RunResult extends SpawnResult {
  ms: number;
}

/** Options of one run. */
export interface RunOptions {
  env?: Record<string, string>;
  stdin?: string;
  timeoutMs?: number;
  cwd?: string;
  /** The user asked for secrets (`dialin --show-secrets`): left out of the secret scan. */
  revealsSecrets?: boolean;
}

/**
 * Every output of one test file, and the secrets that must never show in it. `scan()` registers an
 * afterAll that fails the file when any captured stdout or stderr holds one of them.
 */
export class Outputs {
  private readonly captured: Captured[] = [];
  private readonly secrets = new Set<string>();

  /** Adds secrets to look for (and the Basic header they would form, in case a header leaks). */
  secret(...values: string[]): void {
    for (const v of values) if (v) this.secrets.add(v);
  }

  /** Adds the Authorization header value a user and password make, in base64. */
  basicSecret(user: string, password: string): void {
    this.secrets.add(Buffer.from(`${user}:${password}`).toString('base64'));
  }

  /** Records one run's output. */
  record(what: string, r: { stdout: string; stderr: string }): void {
    this.captured.push({ what, stdout: r.stdout, stderr: r.stderr });
  }

  /** How many runs were captured (the scan must have something to look at). */
  get count(): number {
    return this.captured.length;
  }

  /** Fails when a secret appears anywhere; returns the offending runs for the message. */
  leaks(): string[] {
    const found: string[] = [];
    for (const c of this.captured) {
      for (const s of this.secrets) {
        if (c.stdout.includes(s)) found.push(`${c.what}: stdout holds ${s.slice(0, 4)}…`);
        if (c.stderr.includes(s)) found.push(`${c.what}: stderr holds ${s.slice(0, 4)}…`);
      }
    }
    return found;
  }

  /** Registers the end-of-file scan. */
  scan(): void {
    afterAll(() => {
      expect(this.secrets.size, 'secrets to scan for').toBeGreaterThan(0);
      expect(this.count, 'captured runs').toBeGreaterThan(0);
      expect(this.leaks()).toEqual([]);
    });
  }

  /** Runs the built binary and captures its output. */
  async run(args: string[], opts: RunOptions = {}): Promise<RunResult> {
    const started = performance.now();
    const r = await enablex(args, opts);
    const ms = performance.now() - started;
    if (!opts.revealsSecrets) this.record(`enablex ${args.join(' ')}`, r);
    return { ...r, ms };
  }

  /** Runs a `bash -c` script (with `enablex` on PATH as a function) and captures its output. */
  async bash(script: string, opts: RunOptions = {}): Promise<RunResult> {
    const started = performance.now();
    const r = await spawnCaptured(
      'bash',
      ['-c', `enablex() { "${process.execPath}" "${BIN}" "$@"; }\n${script}`],
      opts,
    );
    const ms = performance.now() - started;
    this.record(`bash -c ${script}`, r);
    return { ...r, ms };
  }
}

/** Runs `node bin/enablex.js ...args` with a clean environment plus `env`, optional stdin and cwd, and a deadline. */
export function enablex(args: string[], opts: RunOptions = {}): Promise<SpawnResult> {
  return spawnCaptured(process.execPath, [BIN, ...args], opts);
}

/** The environment every spawned run gets: PATH, HOME, NO_COLOR=1, plus `extra`. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', NO_COLOR: '1', ...extra };
}

/** Spawns a program with a clean environment (PATH, HOME, NO_COLOR=1) plus `env`, and a deadline. */
export function spawnCaptured(cmd: string, args: string[], opts: RunOptions = {}): Promise<SpawnResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: cleanEnv(opts.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`${cmd} ${args.join(' ')} did not finish in time\nstdout: ${stdout}\nstderr: ${stderr}`),
      );
    }, opts.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(opts.stdin ?? '');
  });
}
