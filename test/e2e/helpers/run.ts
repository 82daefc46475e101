import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { BIN, enablex, type SpawnResult } from '../spawn.js';

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
    const r = opts.cwd ? await enablexIn(opts.cwd, args, opts) : await enablex(args, opts);
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

/** Runs the binary from another working directory (relative --out and --dir paths). */
function enablexIn(cwd: string, args: string[], opts: RunOptions): Promise<SpawnResult> {
  return spawnCaptured(process.execPath, [BIN, ...args], { ...opts, cwd });
}

/** Spawns a program with the same clean environment as `enablex()` and a deadline. */
export function spawnCaptured(cmd: string, args: string[], opts: RunOptions = {}): Promise<SpawnResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? '/tmp',
        NO_COLOR: '1',
        ...opts.env,
      },
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

/** Temporary folders of this test file, removed after its tests (hooks cannot be added inside a test). */
const temps: string[] = [];
afterAll(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the file's tests. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `enablex-e2e-${prefix}-`));
  temps.push(dir);
  return dir;
}

/** Polls `check` until it returns a value other than undefined, or fails after `ms`. */
export async function until<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  ms = 5_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
