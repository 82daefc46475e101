import { join } from 'node:path';
import type { Context } from './context.js';
import { normalizeBaseUrl } from './api/base-url.js';
import type { Http } from './api/http.js';
import { maxResponseBytes } from './api/body.js';
import { Scrubber } from './api/redact.js';
import { configDir } from './config/paths.js';
import { resolveCredentials, type ResolvedCredentials } from './config/resolve.js';
import type { ProfileStore } from './config/store.js';
import { UsageError } from './errors.js';
import { truthyEnv, type Globals } from './globals.js';
import { Printer } from './output/printer.js';
import { createPrompter, type Prompter } from './prompt.js';

/**
 * What a command's run function receives besides its own options: the context, the global
 * options, the printer, and lazily built dependencies (credentials, HTTP client, prompter).
 */
export class Runtime {
  readonly out: Printer;
  private storePromise: Promise<ProfileStore> | undefined;
  private credsPromise: Promise<ResolvedCredentials> | undefined;
  private httpPromise: Promise<Http> | undefined;
  private readonly cleanups: (() => Promise<void>)[] = [];
  /** Set by long-running commands (the emulator) for which Ctrl-C or SIGTERM is the normal way to stop. */
  stopSignalIsSuccess = false;
  /** Warn on stderr when the profile file is readable by others; `doctor` reports it itself instead. */
  warnLoosePermissions = true;

  constructor(
    readonly ctx: Context,
    readonly globals: Globals,
    /** The secrets kept out of stderr; the credentials are added to it once resolved. */
    readonly secrets: Scrubber = new Scrubber(),
  ) {
    this.out = new Printer(ctx, globals);
  }

  /** The folder of the profile store and the in-process emulator's state. */
  get configDir(): string {
    return configDir(this.ctx.env, this.ctx.platform);
  }

  /** The profile store (conf is imported on first use). Warns once when the file is readable by others. */
  store(): Promise<ProfileStore> {
    this.storePromise ??= import('./config/store.js').then(async ({ ProfileStore }) => {
      const store = await ProfileStore.open(this.configDir);
      if (this.warnLoosePermissions && store.isTooOpen()) {
        this.out.warn(
          `${store.path} is readable by other users (mode ${store.mode()?.toString(8)}); run \`chmod 600 ${store.path}\`.`,
        );
      }
      return store;
    });
    return this.storePromise;
  }

  /** Credentials and base URL by the precedence of the contract (or the in-process emulator's). */
  credentials(): Promise<ResolvedCredentials> {
    this.credsPromise ??= this.resolveCredentials().then((creds) => {
      this.secrets.addBasic(creds.appId, creds.appKey);
      this.secrets.add(creds.appKey);
      if (creds.recording) this.secrets.addBasic(creds.recording.user, creds.recording.password);
      return creds;
    });
    return this.credsPromise;
  }

  private async resolveCredentials(): Promise<ResolvedCredentials> {
    if (this.globals.emulator) return this.startEmulator();
    // Credentials from the environment need no profile store: skipping it keeps CI runs fast.
    const envHasCreds = Boolean(this.ctx.env['ENABLEX_APP_ID'] || this.ctx.env['ENABLEX_APP_KEY']);
    const needsStore = this.globals.profile !== undefined || !envHasCreds;
    const store = needsStore ? await this.store() : undefined;
    return resolveCredentials(
      { profile: this.globals.profile, baseUrl: this.globals.baseUrl },
      this.ctx.env,
      store,
    );
  }

  /** The authenticated HTTP client for this run. */
  http(): Promise<Http> {
    this.httpPromise ??= this.credentials().then((creds) => this.httpFor(creds));
    return this.httpPromise;
  }

  /**
   * An HTTP client for the given credentials, with this run's timeout, retries, proxy, log and
   * Ctrl-C (`profile add` checks credentials it has not saved yet).
   */
  async httpFor(
    creds: Pick<ResolvedCredentials, 'appId' | 'appKey' | 'baseUrl' | 'baseUrlSource'>,
  ): Promise<Http> {
    const { createHttp } = await import('./api/http.js');
    const client = createHttp({
      baseUrl: normalizeBaseUrl(creds.baseUrl, {
        insecure: this.globals.insecure,
        source: creds.baseUrlSource === 'flag' ? undefined : creds.baseUrlSource,
      }),
      appId: creds.appId,
      appKey: creds.appKey,
      userAgent: `enablex-cli/${this.ctx.version}`,
      timeoutMs: this.globals.timeoutMs,
      retries: this.globals.retries,
      maxResponseBytes: maxResponseBytes(this.ctx.env),
      notice: (line) => this.out.note(line),
      env: this.ctx.env,
      signal: this.ctx.signal,
      sleep: this.ctx.sleep,
      log: this.globals.verbose ? (line) => this.out.log(line) : undefined,
    });
    // Proxy agents keep sockets open between requests: close them when the command ends.
    this.onCleanup(async () => client.close?.());
    return client;
  }

  /** A prompter, or a usage error naming what to pass instead when prompting is not allowed. */
  async prompter(missing: string): Promise<Prompter> {
    if (!this.globals.canPrompt) {
      throw new UsageError(
        `${missing} (no prompt: ${this.whyNoPrompt()}).`,
        `Pass the flags, or ${this.howToPrompt()}.`,
      );
    }
    return createPrompter(this.ctx);
  }

  /** Why prompting is off, in words. */
  whyNoPrompt(): string {
    if (truthyEnv(this.ctx.env['CI'])) return 'CI is set';
    if (!this.ctx.stdin.isTTY || !this.ctx.stderr.isTTY) return 'not a terminal';
    return '--no-input';
  }

  /** How to be asked instead, matching whyNoPrompt(): a terminal is no help to someone already in one. */
  howToPrompt(): string {
    const why = this.whyNoPrompt();
    if (why === 'CI is set') return 'unset CI to be asked';
    if (why === 'not a terminal') return 'run it in a terminal to be asked';
    return 'leave out --no-input to be asked';
  }

  /** Registers work to do when the command ends (close servers, remove temp files). */
  onCleanup(fn: () => Promise<void>): void {
    this.cleanups.push(fn);
  }

  /** Runs the registered cleanups, newest first. */
  async cleanup(): Promise<void> {
    for (const fn of this.cleanups.reverse()) {
      try {
        await fn();
      } catch {
        // A failed cleanup must not hide the command's own result.
      }
    }
  }

  private async startEmulator(): Promise<ResolvedCredentials> {
    const { startEmulator, DEV_CREDENTIALS, StateFileError } = await import('./emulator/index.js');
    const statePath = join(this.configDir, 'emulator-state.json');
    const server = await startEmulator({
      host: '127.0.0.1',
      port: 0,
      statePath,
      credentials: DEV_CREDENTIALS,
      seed: 'demo',
    }).catch((err: unknown) => {
      if (err instanceof StateFileError) {
        throw new UsageError(
          `--emulator: ${err.message}`,
          `Move ${statePath} aside to start with fresh demo data.`,
        );
      }
      throw err;
    });
    this.onCleanup(() => server.close());
    return {
      appId: DEV_CREDENTIALS.appId,
      appKey: DEV_CREDENTIALS.appKey,
      credentialSource: 'emulator',
      profileName: undefined,
      baseUrl: server.baseUrl,
      baseUrlSource: 'emulator',
      recording: {
        user: DEV_CREDENTIALS.recordingUser,
        password: DEV_CREDENTIALS.recordingPassword,
        source: 'emulator',
      },
    };
  }
}
