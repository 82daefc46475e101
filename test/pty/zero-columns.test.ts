import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellQuote } from '../../src/lib/shell.js';
import { BIN } from './tmux.js';

/**
 * Runs `command` on a real pty of 0 columns and 0 rows (`stty cols 0 rows 0` under `script`), and
 * returns how much it wrote and whether it ended on its own within `ms`.
 */
function runOnZeroColumnPty(
  args: string[],
  ms: number,
): Promise<{ bytes: number; ended: boolean; text: string }> {
  const cmd = `stty cols 0 rows 0; ${['node', BIN, ...args].map(shellQuote).join(' ')}`;
  return new Promise((resolve) => {
    const child = spawn('script', ['-qec', cmd, '/dev/null'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ENABLEX_APP_ID: undefined,
        ENABLEX_APP_KEY: undefined,
        ENABLEX_PROFILE: undefined,
      },
      detached: true,
    });
    let bytes = 0;
    let text = '';
    const take = (chunk: Buffer) => {
      bytes += chunk.length;
      if (text.length < 10_000) text += chunk.toString();
      if (bytes > 1_000_000) stop();
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    let ended = true;
    const stop = () => {
      ended = false;
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    };
    const timer = setTimeout(stop, ms);
    child.on('close', () => {
      clearTimeout(timer);
      resolve({ bytes, ended, text });
    });
  });
}

describe('a real terminal of 0 columns', () => {
  it('room list ends and prints the rooms, with no endless spinner redraw', async () => {
    const { bytes, ended, text } = await runOnZeroColumnPty(['--emulator', 'room', 'list'], 15_000);
    expect(ended).toBe(true);
    expect(bytes).toBeLessThan(20_000);
    expect(text).not.toContain('\x1b[1A');
  }, 20_000);
});
