import { isLoopbackHost } from '../../http/hosts.js';
import { StateFileError } from '../../emulator/state.js';
import { shellQuote } from '../../lib/shell.js';
import { UsageError } from '../../lib/errors.js';
import type { Factory } from '../../factory.js';
import { describeFaults } from './fault-config.js';
import type { EmulatorInput } from './index.js';
import { serveCredentials, serveOptions, type ServeOptions } from './serve-options.js';

/** Resolves when the run is interrupted (Ctrl-C or SIGTERM): the normal way to stop a server. */
function stopped(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/** Port in use, state file unusable: usage problems with a clear way out. */
function startError(err: unknown, options: ServeOptions): unknown {
  const { host, port, statePath } = options;
  const e = err as NodeJS.ErrnoException;
  if (err instanceof StateFileError) return new UsageError(`--state: ${e.message}`);
  if (e.syscall !== 'listen' && e.path !== undefined) {
    return new UsageError(
      `--state ${statePath ?? ''}: cannot use it (${e.code ?? e.message}).`,
      'Pick a file in a folder you can write to.',
    );
  }
  const code = e.code;
  if (code === 'EADDRINUSE') {
    return new UsageError(
      `port ${port} on ${host} is already in use.`,
      'Pick another with --port, or --port 0 for any free port.',
    );
  }
  if (code === 'EACCES')
    return new UsageError(`not allowed to listen on ${host}:${port}.`, 'Use a port above 1023.');
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return new UsageError(
      `--host ${host} is not an address of this machine.`,
      'Use 127.0.0.1, or 0.0.0.0 for every interface.',
    );
  }
  return err;
}

/**
 * `enablex emulator`: serves the API until Ctrl-C or SIGTERM. The base URL goes to stdout (one
 * line, for scripts); how to use it, and one line per request, go to stderr. The spec declares
 * the stop signal a success (exit 0).
 */
export async function run({ opts }: EmulatorInput, f: Factory): Promise<void> {
  const options = serveOptions(opts, f.cwd, f.clock.now());
  const { startEmulator, DEV_CREDENTIALS, CONTROL_PREFIX } = await import('../../emulator/index.js');
  const { isWildcard, publicAddress } = await import('../../emulator/host-check.js');
  const { credentials, appFromEnv, recordingFromEnv } = serveCredentials(f.env, DEV_CREDENTIALS);
  const emulator = await startEmulator({
    host: options.host,
    allowHosts: options.allowHosts,
    port: options.port,
    statePath: options.statePath,
    credentials,
    seed: options.seed,
    faults: options.faults,
    syntheticCdr: options.syntheticCdr,
    log: (line) => f.io.note(line, f.io.c.dim),
    warn: (line) => f.io.warn(line),
  }).catch((err: unknown) => {
    throw startError(err, options);
  });
  f.onCleanup(() => emulator.close());

  // Listening everywhere: print an address other machines can reach, not loopback.
  const lan = isWildcard(options.host) ? publicAddress() : undefined;
  const baseUrl = lan
    ? emulator.baseUrl.replace(/^http:\/\/[^/]+/, `http://${lan}:${emulator.port}`)
    : emulator.baseUrl;
  f.io.raw(`${baseUrl}\n`);
  const say = (line: string) => f.io.note(line);
  say(`EnableX emulator listening on ${options.host}:${emulator.port} (API at ${baseUrl}).`);
  if (isWildcard(options.host)) {
    f.io.warn(
      `--host ${options.host} serves every network this machine is on${appFromEnv ? '' : ', with the public development credentials printed below'}: anyone who can reach port ${emulator.port} can use it. Use --host 127.0.0.1 unless other machines need it.`,
    );
  }
  say(
    `State: ${options.statePath ?? 'in memory (add --state <file> to keep it)'}${options.seed ? ', seeded with demo data when new' : ''}.`,
  );
  say('Use it from another terminal:');
  if (appFromEnv) {
    say(`  export ENABLEX_BASE_URL=${shellQuote(emulator.baseUrl)}`);
    say('  (it accepts ENABLEX_APP_ID / ENABLEX_APP_KEY from its environment; not shown)');
  } else {
    say(
      `  export ENABLEX_BASE_URL=${shellQuote(baseUrl)} ENABLEX_APP_ID=${shellQuote(credentials.appId)} ENABLEX_APP_KEY=${shellQuote(credentials.appKey)}`,
    );
  }
  if (!appFromEnv && !isLoopbackHost(new URL(baseUrl).hostname)) {
    // The CLI refuses plain http:// to any other host unless told (there is no environment switch).
    say(
      `  then add --insecure to every command (plain http:// to ${new URL(baseUrl).hostname} is refused otherwise), e.g. enablex --insecure room list;`,
    );
    say(`  on this machine ENABLEX_BASE_URL=${shellQuote(emulator.baseUrl)} needs no --insecure`);
  }
  if (!recordingFromEnv) {
    say(
      `  export ENABLEX_RECORDING_USER=${shellQuote(credentials.recordingUser)} ENABLEX_RECORDING_PASSWORD=${shellQuote(credentials.recordingPassword)}`,
    );
  }
  say(
    `Control routes: ${emulator.origin}${CONTROL_PREFIX}/status, /faults, /rooms/<id>/simulate, /rooms/<id>/end, /join, /clock/advance, /reset`,
  );
  say(`Faults: ${describeFaults(options.faults)}.`);
  if (options.syntheticCdr)
    say(
      `Synthetic CDR: ${options.syntheticCdr.count} records from ${options.syntheticCdr.from} to ${options.syntheticCdr.to}.`,
    );
  say('Press Ctrl-C to stop.');

  await stopped(f.signal);
  await emulator.close();
  say('Emulator stopped.');
}
