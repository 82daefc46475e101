import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from './helpers/run.js';

/**
 * Runs the binary with its stderr piped into a reader that closes the pipe after the first chunk
 * (as `2>&1 >/dev/null | head -1` does), and returns the exit code and everything on stdout.
 */
function runWithStderrClosedEarly(
  args: string[],
): Promise<{ code: number | null; stdout: string; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let closed = false;
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.once('data', () => {
      closed = true;
      child.stderr.destroy();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, closed });
    });
  });
}

describe('a closed stderr pipe', () => {
  it('does not end the run: the output is complete and the exit code is 0', async () => {
    const { code, stdout, closed } = await runWithStderrClosedEarly([
      '--emulator',
      '--verbose',
      'room',
      'list',
      '-o',
      'json',
    ]);
    expect(closed).toBe(true);
    expect(code).toBe(0);
    const rooms = JSON.parse(stdout) as { name: string }[];
    expect(rooms.map((r) => r.name)).toContain('Incident bridge');
  }, 30_000);

  it("keeps the command's own exit code (4: not found)", async () => {
    const { code, closed } = await runWithStderrClosedEarly([
      '--emulator',
      '--verbose',
      'room',
      'get',
      '6ad87100f8f8ae62e2c3783a',
    ]);
    expect(closed).toBe(true);
    expect(code).toBe(4);
  }, 30_000);
});
