import type { Writable } from 'node:stream';
import type { Context, Env, InStream, OutStream } from './context.js';
import { terminalColumns } from './context.js';
import { normalizeBaseUrl } from './api/base-url.js';
import type { Http } from './api/http.js';
import { maxResponseBytes } from './http/body.js';
import { Scrubber } from './http/redact.js';
import type { Behaviour, RunningVerb } from './commands/spec.js';
import { configDir } from './config/paths.js';
import { resolveCredentials, type ResolvedCredentials } from './config/resolve.js';
import type { ProfileStore } from './config/store.js';
import { UsageError } from './lib/errors.js';
import { truthyEnv, type Globals } from './globals.js';
import { Printer } from './output/printer.js';
import type { Prompter } from './prompt.js';

/** The clock: every "now" and every wait of a command comes from here. */
export interface Clock {
  now(): Date;
  /** Waits, stopping early (rejecting) when the signal aborts; tests make it instant. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * The terminal as a command sees it: the streams, their TTY state and width, the printer (data on
 * stdout, notes and warnings on stderr, colour, spinners) and the rules for prompting.
 */
export class IO extends Printer {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly stdin: InStream;
  /** Real stream objects for libraries that need them (inquirer, ora, progress bars). */
  readonly rawStdout: Writable;
  readonly rawStderr: Writable;
  /** True when a question may be asked: stdin and stderr are terminals, no --no-input, no CI. */
  readonly canPrompt: boolean;

  constructor(
    ctx: Context,
    options: Globals,
    private readonly env: Env,
  ) {
    super(ctx, options);
    this.canPrompt = options.canPrompt;
    this.stdout = ctx.stdout;
    this.stderr = ctx.stderr;
    this.stdin = ctx.stdin;
    this.rawStdout = ctx.rawStdout;
    this.rawStderr = ctx.rawStderr;
  }

  /** The width of stdout when it is a terminal that reports one. */
  get columns(): number | undefined {
    return terminalColumns(this.stdout);
  }

  /** A line the CLI composed itself (the wizard's questions and summary), on stderr as it is. */
  line(text: string): void {
    this.stderr.write(`${text}\n`);
  }

  /** Why prompting is off, in words. */
  whyNoPrompt(): string {
    if (truthyEnv(this.env['CI'])) return 'CI is set';
    if (!this.stdin.isTTY || !this.stderr.isTTY) return 'not a terminal';
    return '--no-input';
  }

  /** How to be asked instead, matching whyNoPrompt(): a terminal is no help to someone already in one. */
  howToPrompt(): string {
    const why = this.whyNoPrompt();
    if (why === 'CI is set') return 'unset CI to be asked';
    if (why === 'not a terminal') return 'run it in a terminal to be asked';
    return 'leave out --no-input to be asked';
  }
}

/** Parts a test (or an embedding program) replaces; each defaults to the real one. */
export interface Replaceable {
  /** Builds the prompter (default: inquirer on the context's streams). */
  prompter?: (io: IO) => Promise<Prompter>;
  /** Resolves the credentials (default: the contract's precedence, or the in-process emulator). */
  credentials?: () => Promise<ResolvedCredentials>;
}

/**
 * Everything a command's run function receives: the terminal (`io`), the environment, the clock,
 * the Ctrl-C signal, the global options, and lazily built dependencies (credentials, the HTTP
 * client, the profile store, the prompter). Built once per run by the CLI (src/cli.ts).
 */
export class Factory {
  readonly io: IO;
  readonly env: Env;
  readonly clock: Clock;
  /** Aborted on Ctrl-C, SIGTERM or SIGHUP. */
  readonly signal: AbortSignal;
  readonly version: string;
  readonly cwd: string;
  readonly platform: NodeJS.Platform;
  private storePromise: Promise<ProfileStore> | undefined;
  private credsPromise: Promise<ResolvedCredentials> | undefined;
  private httpPromise: Promise<Http> | undefined;
  private readonly cleanups: (() => Promise<void>)[] = [];

  constructor(
    private readonly terminal: Context,
    /** The global options, checked (src/globals.ts). */
    readonly options: Globals,
    /** The verb being run and how it behaves. */
    readonly verb: RunningVerb & { readonly behaviour: Behaviour },
    /** The secrets kept out of stderr; the credentials are added to it once resolved. */
    readonly secrets: Scrubber = new Scrubber(),
    private readonly replace: Replaceable = {},
  ) {
    const ctx = terminal;
    this.io = new IO(ctx, options, ctx.env);
    this.env = ctx.env;
    this.clock = { now: () => ctx.now(), sleep: (ms, signal) => ctx.sleep(ms, signal) };
    this.signal = ctx.signal;
    this.version = ctx.version;
    this.cwd = ctx.cwd;
    this.platform = ctx.platform;
  }

  /**
   * A factory on the same terminal, environment, clock, signal, verb and secrets with other global
   * options (`api` prints JSON unless a format was chosen; `__complete` uses the account of the line
   * being completed). Its credentials, client and store are its own; clean it up when done with them.
   */
  withOptions(patch: Partial<Globals>): Factory {
    return new Factory(this.terminal, { ...this.options, ...patch }, this.verb, this.secrets, this.replace);
  }

  /** The folder of the profile store and the in-process emulator's state. */
  get configDir(): string {
    return configDir(this.env, this.platform);
  }

  /** The profile store (conf is imported on first use). Warns once when the file is readable by others. */
  store(): Promise<ProfileStore> {
    this.storePromise ??= import('./config/store.js').then(async ({ ProfileStore }) => {
      const store = await ProfileStore.open(this.configDir);
      if (!this.reportsLoosePermissions() && store.isTooOpen()) {
        this.io.warn(
          `${store.path} is readable by other users (mode ${store.mode()?.toString(8)}); run \`chmod 600 ${store.path}\`.`,
        );
      }
      return store;
    });
    return this.storePromise;
  }

  /** True when the command reports a loose profile file itself (doctor): no warning first. */
  protected reportsLoosePermissions(): boolean {
    return this.verb.behaviour.reportsLoosePermissions === true;
  }

  /** Credentials and base URL by the precedence of the contract (or the in-process emulator's). */
  credentials(): Promise<ResolvedCredentials> {
    this.credsPromise ??= (this.replace.credentials?.() ?? this.resolveCredentials()).then((creds) => {
      this.secrets.addBasic(creds.appId, creds.appKey);
      this.secrets.add(creds.appKey);
      if (creds.recording) this.secrets.addBasic(creds.recording.user, creds.recording.password);
      return creds;
    });
    return this.credsPromise;
  }

  private async resolveCredentials(): Promise<ResolvedCredentials> {
    if (this.options.emulator) {
      const { emulatorCredentials } = await import('./config/emulator.js');
      const { credentials, close } = await emulatorCredentials(this.configDir);
      this.onCleanup(close);
      return credentials;
    }
    // Credentials from the environment need no profile store: skipping it keeps CI runs fast.
    const envHasCreds = Boolean(this.env['ENABLEX_APP_ID'] || this.env['ENABLEX_APP_KEY']);
    const needsStore = this.options.profile !== undefined || !envHasCreds;
    const store = needsStore ? await this.store() : undefined;
    return resolveCredentials(
      { profile: this.options.profile, baseUrl: this.options.baseUrl },
      this.env,
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
        insecure: this.options.insecure,
        source: creds.baseUrlSource === 'flag' ? undefined : creds.baseUrlSource,
      }),
      appId: creds.appId,
      appKey: creds.appKey,
      userAgent: `enablex-cli/${this.version}`,
      timeoutMs: this.options.timeoutMs,
      retries: this.options.retries,
      maxResponseBytes: maxResponseBytes(this.env),
      notice: (line) => this.io.note(line),
      env: this.env,
      signal: this.signal,
      sleep: this.clock.sleep,
      log: this.options.verbose ? (line) => this.io.log(line) : undefined,
      secrets: this.secrets,
    });
    // Proxy agents keep sockets open between requests: close them when the command ends.
    this.onCleanup(async () => client.close?.());
    return client;
  }

  /** A prompter, or a usage error naming what to pass instead when prompting is not allowed. */
  async prompter(missing: string): Promise<Prompter> {
    if (!this.io.canPrompt) {
      throw new UsageError(
        `${missing} (no prompt: ${this.io.whyNoPrompt()}).`,
        `Pass the flags, or ${this.io.howToPrompt()}.`,
      );
    }
    if (this.replace.prompter) return this.replace.prompter(this.io);
    const { createPrompter } = await import('./prompt.js');
    return createPrompter(this.io, this.signal);
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
}
