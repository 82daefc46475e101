import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { DEV_CREDENTIALS, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { shellQuote } from '../../src/lib/shell.js';
import { tempDir, removeTempDir } from '../helpers/temp.js';

/** The repository root. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The built binary, as users run it. */
export const BIN = join(ROOT, 'bin/enablex.js');

/**
 * Fails with a clear message when the terminal tests cannot run: tmux missing (CI installs it) or
 * the build missing or older than the wizard's sources (`npm test` builds first).
 */
export function requireTmuxAndBuild(): void {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'pipe' });
  } catch {
    throw new Error('tmux is required by the terminal tests in test/pty: install it (apt-get install tmux).');
  }
  const built = join(ROOT, 'dist/commands/room/wizard/wizard.js');
  if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` first.`);
  for (const name of ['wizard.ts', 'flow.ts', 'steps.ts', 'ask.ts']) {
    if (statSync(join(ROOT, 'src/commands/room/wizard', name)).mtimeMs > statSync(built).mtimeMs) {
      throw new Error(`dist/ is older than src/commands/room/wizard/${name}: run \`npm run build\` first.`);
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One program running in a private tmux server (its own socket in a temp folder, so tests never
 * touch the user's tmux), on a 120x40 terminal. The pane stays after the program exits, so its
 * exit status and last screen can be read.
 */
export class TmuxSession {
  private constructor(
    private readonly dir: string,
    private readonly socket: string,
  ) {}

  /** Starts a shell command (words already quoted) in `cwd` with exactly `env`: nothing inherited, no CI. */
  static start(command: string, opts: { cwd: string; env: Record<string, string> }): TmuxSession {
    const dir = tempDir('pty');
    const socket = join(dir, 'tmux.sock');
    const conf = join(dir, 'tmux.conf');
    writeFileSync(conf, 'set-option -g remain-on-exit on\nset-option -g history-limit 5000\n');
    const envWords = Object.entries(opts.env).map(([k, v]) => shellQuote(`${k}=${v}`));
    // The exit status goes to a file: tmux's own #{pane_dead_status} is sometimes never set (tmux 3.3).
    const status = join(dir, 'status');
    const line = `cd ${shellQuote(opts.cwd)} && env -i ${envWords.join(' ')} ${command}; echo $? > ${shellQuote(status)}`;
    const session = new TmuxSession(dir, socket);
    session.tmux('-f', conf, 'new-session', '-d', '-x', '120', '-y', '40', '-s', 'wizard', line);
    return session;
  }

  private tmux(...args: string[]): string {
    const env = { ...process.env };
    delete env['TMUX'];
    return execFileSync('tmux', ['-S', this.socket, ...args], { encoding: 'utf8', env, stdio: 'pipe' });
  }

  /** Types text as is (no key names). */
  type(text: string): void {
    this.tmux('send-keys', '-t', 'wizard', '-l', text);
  }

  /** Presses keys by tmux name: Enter, Down, C-c, C-u, BSpace. */
  press(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'wizard', ...keys);
  }

  /** Types a line and presses Enter. */
  answer(text: string): void {
    if (text) this.type(text);
    this.press('Enter');
  }

  /** The whole screen and scroll-back, wrapped lines joined. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'wizard');
  }

  /**
   * The visible screen only. A program that redraws in place is judged here: tmux (scroll-on-clear)
   * moves what a clear from the top row erases into the scroll-back, which screen() includes.
   */
  visible(): string {
    return this.tmux('capture-pane', '-p', '-J', '-t', 'wizard');
  }

  /** Waits until the screen (or only its visible part) shows `what` (polling); fails with the screen after `timeoutMs`. */
  async waitFor(what: string | RegExp, timeoutMs = 10_000, visibleOnly = false): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = visibleOnly ? this.visible() : this.screen();
      if (typeof what === 'string' ? screen.includes(what) : what.test(screen)) return screen;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${String(what)}; the screen:\n${screen}`);
      await sleep(40);
    }
  }

  /** Waits for the program to exit and returns its exit status. */
  async exitCode(timeoutMs = 10_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    const file = join(this.dir, 'status');
    for (;;) {
      const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
      if (text.endsWith('\n')) return Number(text.trim());
      if (Date.now() > deadline) throw new Error(`the program did not exit; the screen:\n${this.screen()}`);
      await sleep(40);
    }
  }

  /** Stops the tmux server and removes its folder. Safe to call twice. */
  kill(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // Already gone.
    }
    removeTempDir(this.dir);
  }
}

/**
 * The built `enablex <args>` in a terminal against the emulator at `baseUrl`, with the emulator's
 * credentials from the environment and a config folder and HOME in `cwd`.
 */
function startEnablex(args: string, cwd: string, baseUrl: string): TmuxSession {
  return TmuxSession.start(`${shellQuote(process.execPath)} ${shellQuote(BIN)} ${args}`, {
    cwd,
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: cwd,
      TERM: 'xterm-256color',
      NO_COLOR: '1',
      ENABLEX_APP_ID: DEV_CREDENTIALS.appId,
      ENABLEX_APP_KEY: DEV_CREDENTIALS.appKey,
      ENABLEX_BASE_URL: baseUrl,
      ENABLEX_CONFIG_DIR: join(cwd, 'config'),
    },
  });
}

/**
 * A loopback emulator for one test file's terminal tests, with a temp folder, started before them and
 * stopped after; the terminal each test started is killed after it. `call` talks to the emulator as a
 * client would (API or control route, full path); `start` runs `enablex <args>` in a terminal.
 */
export function useTerminalEmulator(name: string) {
  const auth = `Basic ${Buffer.from(`${DEV_CREDENTIALS.appId}:${DEV_CREDENTIALS.appKey}`).toString('base64')}`;
  let emulator: RunningEmulator | undefined;
  let cwd = '';
  let session: TmuxSession | undefined;
  beforeAll(async () => {
    requireTmuxAndBuild();
    emulator = await startEmulator({ host: '127.0.0.1', port: 0, credentials: DEV_CREDENTIALS });
    cwd = tempDir(name);
  });
  afterAll(async () => {
    await emulator?.close();
    removeTempDir(cwd);
  });
  afterEach(() => {
    session?.kill();
    session = undefined;
  });
  const running = (): RunningEmulator => {
    if (!emulator) throw new Error('the emulator starts in beforeAll');
    return emulator;
  };
  return {
    get cwd(): string {
      return cwd;
    },
    async call(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
      const res = await fetch(`${running().origin}${path}`, {
        method,
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return (await res.json()) as Record<string, unknown>;
    },
    start(args: string): TmuxSession {
      session = startEnablex(args, cwd, running().baseUrl);
      return session;
    },
  };
}
