import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUTH, tempDir } from './helpers.js';

const BIN = fileURLToPath(new URL('../../bin/enablex.js', import.meta.url));
const BUILT = existsSync(fileURLToPath(new URL('../../dist/main.js', import.meta.url)));

/** Runs `node bin/enablex.js ...args` to the end. */
function enablex(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `node bin/enablex.js emulator ...`, resolves with the base URL it prints, and a stop function. */
function serve(args: string[]) {
  const child = spawn(process.execPath, [BIN, 'emulator', '--port', '0', ...args], {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const baseUrl = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('\n')) resolve(stdout.trim());
    });
    child.on('close', () => reject(new Error(`exited early: ${stderr}`)));
  });
  return {
    baseUrl,
    exited,
    stop: (signal: NodeJS.Signals) => child.kill(signal),
    output: () => ({ stdout, stderr }),
  };
}

describe.skipIf(!BUILT)('the built binary', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('serves until %s, then exits 0', async (signal) => {
    const server = serve(['--seed', 'demo']);
    const baseUrl = await server.baseUrl;
    const res = await fetch(`${baseUrl}/rooms`, { headers: { authorization: AUTH } });
    expect(res.status).toBe(200);
    server.stop(signal);
    expect(await server.exited).toBe(0);
    expect(server.output().stdout).toBe(`${baseUrl}\n`);
    expect(server.output().stderr).toContain('Emulator stopped.');
  });

  it('stops promptly even with a request hanging (fault injection)', async () => {
    const server = serve(['--hang-rate', '1']);
    const baseUrl = await server.baseUrl;
    const hanging = fetch(`${baseUrl}/rooms`, { headers: { authorization: AUTH } }).catch(
      (err: unknown) => err,
    );
    await new Promise((r) => setTimeout(r, 100));
    const t0 = performance.now();
    server.stop('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(await hanging).toBeInstanceOf(Error);
  });

  it('lets parallel --emulator runs share one state file: seeded once, nothing lost', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const env = { ENABLEX_CONFIG_DIR: dir };
      const runs = await Promise.all(
        Array.from({ length: 3 }, (_, i) =>
          enablex(['--emulator', 'room', 'create', '--name', `parallel ${i}`, '--owner-ref', 'p', '-q'], env),
        ),
      );
      expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
      const list = await enablex(['--emulator', 'room', 'list', '-q'], env);
      expect(list.stdout.trim().split('\n')).toHaveLength(4 + 3);
    } finally {
      cleanup();
    }
  });
});
