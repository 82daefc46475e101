import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { TOKEN_ROLES } from '../../src/api/token-roles.js';
import { INHERITED_HEADING } from '../../src/help.js';
import { FORMATS } from '../../src/output/formats.js';
import { runCli } from '../helpers/cli.js';
import { checkInvocation, commandPath, hasAction, invocations, shellWords } from './examples.js';

const program = buildProgram(() => async () => undefined, '0.0.0');

/** Every command users can see (hidden ones, such as the completion scripts' `__complete`, are left out). */
function walk(cmd: Command): Command[] {
  const visible = cmd.createHelp().visibleCommands(cmd);
  return [cmd, ...cmd.commands.filter((c) => visible.includes(c)).flatMap(walk)];
}

const everyCommand = walk(program).slice(1);
/** Commands that run something themselves (leaves, and nouns like `archive` that also list). */
const runnable = everyCommand.filter(hasAction);
const name = (cmd: Command) => commandPath(cmd).replace(/^enablex /, '');

/** The `--help` text of a command, from a real in-process run. */
async function helpOf(cmd: Command): Promise<string> {
  const r = await runCli([...name(cmd).split(' '), '--help']);
  expect(r.code).toBe(0);
  return r.stdout;
}

/** The example command lines of a help text: the `$ …` lines after "Examples:". */
function exampleLines(help: string): string[] {
  const at = help.indexOf('\nExamples:\n');
  if (at === -1) return [];
  return help
    .slice(at)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('$ '))
    .map((l) => l.slice(2));
}

describe('the example checker itself', () => {
  it.each([
    ['enablex room get "$ROOM" --json', ['enablex', 'room', 'get', '$ROOM', '--json']],
    [`a 'b c' "d \\" e" f\\ g`, ['a', 'b c', 'd " e', 'f g']],
    ['x --name "A | B" | jq .', ['x', '--name', 'A | B']],
    ['x 2>/dev/null', ['x']],
  ])('splits %s', (line, words) => {
    expect(shellWords(line)).toEqual(words);
  });

  it('finds invocations in substitutions, pipes and xargs', () => {
    const found = invocations(
      'ROOM=$(enablex room create --name "A B" -q) && enablex room list -q | xargs enablex room delete --yes',
    );
    expect(found.map((f) => [f.words.join(' '), f.viaXargs])).toEqual([
      ['room create --name A B -q', false],
      ['room list -q', false],
      ['room delete --yes', true],
    ]);
  });

  it.each([
    ['room create --name x --bogus', ['--bogus is not an option of "enablex room create" or a global one']],
    ['room creat', ['"enablex room creat" is not a command']],
    ['room', ['"enablex room" names no command that runs']],
    ['room get', ['"enablex room get" needs 1 argument(s), the example gives 0']],
    ['room get a b', ['"enablex room get" takes 1 argument(s), the example gives 2']],
    ['--profile prod room list -o json --fields room_id', []],
    ['room create --name=x --no-knock -f - -q', []],
  ])('checks "enablex %s"', (line, problems) => {
    expect(checkInvocation(program, { words: shellWords(line), viaXargs: false }).problems).toEqual(problems);
  });
});

describe('every command has a one-line description', () => {
  it.each(everyCommand.map((c) => [name(c), c] as const))('%s', (_n, cmd) => {
    expect(cmd.description().trim(), 'description').not.toBe('');
    expect(cmd.description(), 'description must be one line').not.toContain('\n');
  });
});

describe('every runnable command has 2+ real examples in its help', () => {
  it.each(runnable.map((c) => [name(c), c] as const))('%s', async (_n, cmd) => {
    const help = await helpOf(cmd);
    const lines = exampleLines(help);
    const calls = lines.flatMap((l) => invocations(l).map((inv) => ({ line: l, inv })));
    expect(
      lines.filter((l) => invocations(l).length > 0).length,
      'lines with `$ enablex` under "Examples:"',
    ).toBeGreaterThanOrEqual(2);
    const problems = calls.flatMap(({ line, inv }) =>
      checkInvocation(program, inv).problems.map((p) => `${p}  (in: ${line})`),
    );
    expect(problems).toEqual([]);
    // At least one example runs the command itself.
    expect(calls.map(({ inv }) => checkInvocation(program, inv).path)).toContain(commandPath(cmd));
  });
});

describe('help shows allowed values and defaults', () => {
  /** One option's entry in a help text, its wrapped lines folded. */
  const entry = (help: string, flags: string) =>
    help
      .split(/\n(?= {2}-)/)
      .find((i) => i.trimStart().startsWith(flags))
      ?.replace(/\s+/g, ' ');

  it.each(runnable.map((c) => [name(c), c] as const))(
    '%s: every flag with the description we wrote',
    async (_n, cmd) => {
      const help = await helpOf(cmd);
      for (const option of cmd.createHelp().visibleOptions(cmd)) {
        const shown = entry(help, option.flags);
        expect(shown, option.flags).toBeDefined();
        expect(shown, option.flags).toContain(option.description.replace(/\s+/g, ' '));
      }
      // Values and defaults are shown bare, as users type them.
      expect(help.replace(/\s+/g, ' ')).not.toMatch(/(choices|default): "/);
    },
  );

  // The value lists the CLI itself accepts, not whatever commander was handed.
  it.each([
    [['room', 'list', '--help'], '-o, --output <format>', [...FORMATS]],
    [['token', '--help'], '--role <role>', [...TOKEN_ROLES]],
  ])('%j lists what %s accepts', async (argv, flags, values) => {
    const option = entry((await runCli(argv)).stdout, flags);
    for (const v of values) expect(option, v).toMatch(new RegExp(`[ :]${v}[,)]`));
  });

  it.each([
    [['room', 'create', '--help'], '--timeout <seconds>', 'default: 30'],
    [['room', 'create', '--help'], '--mode <mode>', 'API default group'],
  ])('%j: %s shows %s', async (argv, flags, text) => {
    expect(entry((await runCli(argv)).stdout, flags)).toContain(text);
  });
});

describe('help layout', () => {
  it.each(runnable.map((c) => [name(c), c] as const))(
    '%s: required flags first, then inherited globals',
    async (_n, cmd) => {
      const help = await helpOf(cmd);
      const options = help.slice(help.indexOf('\nOptions:\n'), help.indexOf(`\n${INHERITED_HEADING}\n`));
      // One entry per flag, its wrapped description lines folded in.
      const items = options
        .split(/\n(?= {2}-)/)
        .slice(1)
        .map((i) => i.replace(/\s+/g, ' '));
      const required = items.map((i) => /\(required(\)|,| unless)/.test(i));
      // Once a flag is not required, no required one follows.
      expect(required.slice(required.indexOf(false)).includes(true), name(cmd)).toBe(false);
      const inherited = help.slice(help.indexOf(`\n${INHERITED_HEADING}\n`));
      for (const flag of ['--profile <name>', '-o, --output <format>', '--no-input', '--emulator']) {
        expect(inherited, `${name(cmd)}: ${flag}`).toContain(flag);
      }
      expect(inherited).not.toContain('--version');
    },
  );

  it('marks mandatory flags and those required unless another input stands in', async () => {
    const token = (await runCli(['token', '--help'])).stdout;
    expect(token).toMatch(
      /Options:\n {2}--name <name> +name of the user who joins \(required\)\n {2}--user-ref/,
    );
    const create = (await runCli(['room', 'create', '--help'])).stdout;
    expect(create).toMatch(
      /Options:\n {2}--name <name> +room name \(required unless -f or -i\)\n {2}--owner-ref/,
    );
    expect(create).toMatch(/--timeout <seconds> +per-request timeout in seconds \(default: 30\)/);
  });

  it.each([
    [['archive', 'help', 'download'], 'Usage: enablex archive download'],
    [['cdr', 'help', 'summary'], 'Usage: enablex cdr summary'],
    [['room', 'help', 'create'], 'Usage: enablex room create'],
  ])('%j shows the subcommand help', async (argv, usage) => {
    const r = await runCli(argv);
    expect([r.code, r.stdout.split('\n')[0]]).toEqual([0, usage.replace(/$/, ' [options]')]);
  });

  it('example conference numbers are 8 digits, like real ones', async () => {
    for (const argv of [
      ['archive', '--help'],
      ['archive', 'download', '--help'],
      ['cdr', '--help'],
    ]) {
      const help = (await runCli(argv)).stdout;
      for (const m of help.matchAll(/--conf ([^\s<]\S*)/g)) expect(m[1], argv.join(' ')).toMatch(/^\d{8}$/);
    }
  });
});
