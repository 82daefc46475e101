import { spawn } from 'node:child_process';
import { BIN, cleanEnv, type Outputs } from './run.js';

/** A long-running `enablex emulator` child. */
export interface EmulatorChild {
  /** The base URL it printed on the first line of stdout. */
  baseUrl: string;
  pid: number;
  /** Sends SIGTERM (or the signal given) and waits for the exit; returns how it ended and all it printed. */
  stop(
    signal?: NodeJS.Signals,
  ): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/**
 * Spawns `node bin/enablex.js emulator …`, waits (with a deadline) for the base URL it prints on
 * stdout, and leaves it running. Its output joins the file's secret scan when it stops.
 */
export function spawnEmulator(
  args: string[],
  opts: { env?: Record<string, string>; outputs: Outputs; deadlineMs?: number },
): Promise<EmulatorChild> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'emulator', ...args], {
      env: cleanEnv(opts.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let started = false;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
      child.on('close', (code, signal) => done({ code, signal })),
    );
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the emulator printed no base URL in time\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, opts.deadlineMs ?? 15_000);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const line = stdout.split('\n');
      if (started || line.length < 2) return;
      started = true;
      clearTimeout(timer);
      resolve({
        baseUrl: (line[0] ?? '').trim(),
        pid: child.pid ?? -1,
        async stop(signal = 'SIGTERM') {
          child.kill(signal);
          const deadline = setTimeout(() => child.kill('SIGKILL'), 10_000);
          const end = await exited;
          clearTimeout(deadline);
          opts.outputs.record(`enablex emulator ${args.join(' ')}`, { stdout, stderr });
          return { ...end, stdout, stderr };
        },
      });
    });
    child.on('error', reject);
    void exited.then(({ code }) => {
      if (!started) {
        clearTimeout(timer);
        reject(new Error(`the emulator exited with ${code} before printing its URL\nstderr: ${stderr}`));
      }
    });
  });
}

/** A CLI run left in the background, so a test can signal it. */
export interface BackgroundRun {
  /** Sends a signal to the process. */
  kill(signal: NodeJS.Signals): void;
  /** How it ended and what it printed (recorded for the secret scan). */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts `node bin/enablex.js …args` without waiting for it (it is killed after `deadlineMs`). */
export function startCli(
  args: string[],
  opts: { env?: Record<string, string>; outputs: Outputs; deadlineMs?: number },
): BackgroundRun {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: cleanEnv(opts.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.deadlineMs ?? 20_000);
  const done = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      opts.outputs.record(`enablex ${args.join(' ')}`, { stdout, stderr });
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { kill: (signal) => child.kill(signal), done };
}
