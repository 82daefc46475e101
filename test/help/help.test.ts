import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { runCli } from '../helpers/cli.js';
import { checkInvocation, commandPath, hasAction, invocations, shellWords } from './examples.js';

const program = buildProgram(() => async () => undefined, '0.0.0');

function walk(cmd: Command): Command[] {
  return [cmd, ...cmd.commands.flatMap(walk)];
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
  it.each(runnable.map((c) => [name(c), c] as const))('%s', async (_n, cmd) => {
    // Help wraps long descriptions; compare with the line breaks folded.
    const help = (await helpOf(cmd)).replace(/\s+/g, ' ');
    for (const option of cmd.createHelp().visibleOptions(cmd)) {
      if (option.argChoices) {
        expect(help, `${option.long} choices`).toContain(
          `choices: ${option.argChoices.map((c) => `"${c}"`).join(', ')}`,
        );
      }
      if (option.defaultValue !== undefined && !option.negate) {
        expect(help, `${option.long} default`).toContain(`default: ${JSON.stringify(option.defaultValue)}`);
      }
    }
    for (const arg of cmd.registeredArguments) {
      if (arg.argChoices)
        expect(help).toContain(`choices: ${arg.argChoices.map((c) => `"${c}"`).join(', ')}`);
    }
  });
});
