import { Command, CommanderError } from 'commander';
import { terminalColumns, type Context } from './context.js';
import { CliError, ExitCode, InterruptedError, UsageError } from './lib/errors.js';
import { renderError } from './output/error-block.js';
import { resolveGlobals, type RawGlobals } from './globals.js';
import { configureHelpText } from './help.js';
import { Scrubber, withScrubbedStderr } from './http/redact.js';
import { readInput, toOption, type SpecAction } from './commands/adapter.js';
import { GLOBAL_FLAGS } from './commands/global-flags.js';
import { registerCommands } from './commands/index.js';
import type { CommandSpec } from './commands/spec.js';
import type { Factory } from './factory.js';
import { secretFlagHint } from './secret-hints.js';

/** A no-op action: the tree for completions, help and the reference, without running anything. */
const NO_ACTION = () => async () => undefined;

/**
 * Builds the whole command tree from the specs. `action` wires verbs to a factory; completions,
 * help and the reference build it with a no-op.
 * @public Used by scripts/gen-completions.mjs through dist/ (knip cannot follow dist/ imports before a build).
 */
export function buildProgram(action: SpecAction = NO_ACTION, version = '0.0.0'): Command {
  const program = new Command('enablex')
    .description('Administer EnableX video rooms from the command line (EnableX Video API v2).')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .showSuggestionAfterError(true);
  for (const flag of Object.values(GLOBAL_FLAGS)) program.addOption(toOption(flag));
  registerCommands(program, action);
  configureHelpText(program);
  program.addHelpText('after', ROOT_HELP);
  return program;
}

const ROOT_HELP = `
Examples:
  # try everything without an account, against the bundled emulator
  $ enablex --emulator room list
  # create a room in a script and keep its id
  $ ROOM=$(enablex room create --name "Daily standup" --owner-ref team-7 -q)
  # last month's call detail records for billing
  $ enablex cdr --from 2026-10-01 --to 2026-10-31 -o csv --out cdr.csv

Environment:
  ENABLEX_APP_ID, ENABLEX_APP_KEY   credentials (CI); or save a profile with \`enablex profile add\`
  ENABLEX_BASE_URL, ENABLEX_PROFILE, ENABLEX_CONFIG_DIR, ENABLEX_RECORDING_USER/PASSWORD, NO_COLOR, CI

Exit codes:
  0 ok  1 API refused  2 bad input (nothing sent)  3 credentials  4 not found
  5 network/server  6 partly failed  8 apply: changes pending  130 interrupted
`;

/** Every command, recursively, so each gets the same error handling. */
function allCommands(cmd: Command): Command[] {
  return [cmd, ...cmd.commands.flatMap(allCommands)];
}

/** Flags that look like they carry a secret: their values must never be echoed. */
const SECRET_FLAG = /key|password|passwd|secret|token/i;

/**
 * Commander's own error texts, reworded into the CLI's error block. An unknown `--app-key=…` is
 * answered without echoing its value, and with the ways a secret may be given.
 */
function usageFromCommander(err: CommanderError, commandPath: string): UsageError {
  let message = err.message.replace(/^error:\s*/i, '').trim();
  if (err.code === 'commander.unknownOption') {
    message = message.replace(/'(--?[\w-]+)=[^']*'/, "'$1=…'");
    const flag = /'(--?[\w-]+)/.exec(message)?.[1] ?? '';
    if (SECRET_FLAG.test(flag)) {
      return new UsageError(
        `${message.replace(/\s*\(Did you mean[^)]*\)/, '')}: secrets are never taken as flags (they would show in ps and shell history).`,
        secretFlagHint(flag),
      );
    }
  }
  return new UsageError(message, `See \`${commandPath} --help\`.`);
}

/** Runs the CLI on argv (without node and script) and returns the exit code. The only exit point. */
export async function run(argv: readonly string[], given: Context): Promise<number> {
  // Every message on stderr passes the scrubber: secrets known from the environment now, the
  // resolved credentials once the runtime has them.
  const secrets = new Scrubber();
  secrets.addFromEnv(given.env);
  const ctx = withScrubbedStderr(given, secrets);
  let factory: Factory | undefined;
  let stopSignalIsSuccess = false;
  const action: SpecAction =
    (spec: CommandSpec, path) =>
    async (...args: unknown[]) => {
      const command = args[args.length - 1] as Command;
      const options = resolveGlobals(command.optsWithGlobals<RawGlobals>(), ctx);
      const input = readInput(spec, command);
      const behaviour = spec.behaviour ?? {};
      const stop = behaviour.stopSignalIsSuccess;
      stopSignalIsSuccess = typeof stop === 'object' ? input.given(stop.whenGiven) : stop === true;
      // Loaded on first action: --help and usage errors never pay for the factory's imports.
      const [{ Factory }, mod] = await Promise.all([import('./factory.js'), spec.load!()]);
      factory = new Factory(
        ctx,
        options,
        { path, columns: spec.columns, behaviour, program },
        secrets,
        ctx.replace,
      );
      await mod.run(input as never, factory);
    };
  const program = buildProgram(action, ctx.version);
  for (const cmd of allCommands(program)) {
    cmd.exitOverride();
    cmd.configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
      outputError: () => undefined,
      getOutHelpWidth: () => Math.min(terminalColumns(ctx.stdout) ?? 100, 100),
      getErrHelpWidth: () => Math.min(terminalColumns(ctx.stderr) ?? 100, 100),
    });
  }
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    if (ctx.signal.aborted && !stopSignalIsSuccess) {
      throw new InterruptedError();
    }
    return ExitCode.OK;
  } catch (err) {
    let error: unknown = err;
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return ExitCode.OK;
      if (err.code === 'commander.help') return ExitCode.OK;
      if (err.code === 'commander.executeSubCommandAsync') return ExitCode.OK;
      const path = commandPathFromArgv(program, argv);
      error = usageFromCommander(err, path);
    } else if (ctx.signal.aborted && !(err instanceof CliError)) {
      error = new InterruptedError();
    }
    const verbose = factory?.options.verbose ?? argv.includes('--verbose');
    const red = factory?.io.c.red ?? ((s: string) => s);
    ctx.stderr.write(renderError(error, { verbose, red }));
    return error instanceof CliError ? error.exitCode : 1;
  } finally {
    await factory?.cleanup();
  }
}

/** `enablex room create` for a command object. */
function commandPathOf(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** The deepest command named in argv, for the "see --help" hint of a usage error. */
function commandPathFromArgv(program: Command, argv: readonly string[]): string {
  let cmd = program;
  for (const word of argv) {
    if (word.startsWith('-')) continue;
    const next = cmd.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!next) break;
    cmd = next;
  }
  return commandPathOf(cmd);
}
