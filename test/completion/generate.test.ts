import { Command } from 'commander';
import { addCommand, toOption } from '../../src/commands/adapter.js';
import { arg, bool, choice, defineCommand, list, text, variadicArg } from '../../src/commands/spec.js';
import { describe, expect, it } from 'vitest';
import { COMPLETION_FILES, completionScript } from '../../src/completion/index.js';
import { SHELLS } from '../../src/completion/shells.js';
import { allSpecs, completionModel, type FlagSpec } from '../../src/completion/model.js';
import { runCli } from '../helpers/cli.js';
import { committed, realProgram, specAt } from './tree.js';

/** A small tree, declared as specs, with every kind of flag and argument the generators handle. */
function sampleProgram(): Command {
  const program = new Command('demo');
  program.addOption(toOption(choice('-o, --output <format>', 'format', ['a', 'b'])));
  program.addOption(toOption(text('--profile <name>', 'a profile', { complete: 'profiles' })));
  const noop = () => async () => undefined;
  const load = async () => ({ run: async () => undefined });
  addCommand(
    program,
    defineCommand({
      name: 'noun',
      summary: 'a noun\nsecond line',
      subcommands: [
        defineCommand({
          name: 'verb',
          summary: 'a verb',
          args: { ids: variadicArg('<id...>', 'ids', { complete: 'rooms' }) },
          flags: {
            mode: choice('--mode <mode>', 'mode', ['x', 'y']),
            file: text('-f, --file <path>', 'a body', { complete: 'file' }),
            out: text('--out <file>', 'output file', { complete: 'file' }),
            state: text('--state <file>', 'state file', { complete: 'file' }),
            dir: text('--dir <dir>', 'a folder', { complete: 'dir' }),
            knock: bool('--knock', 'knock', { negatable: true }),
            secret: text('--secret <v>', 'hidden', { hidden: true }),
            level: text('--level [n]', 'optional value'),
            data: list('--data <kv>', 'custom data'),
          },
          load,
        }),
      ],
    }),
    noop,
  );
  addCommand(
    program,
    defineCommand({
      name: 'shell',
      summary: 'a shell',
      args: { shell: { ...arg('<shell>', ''), choices: ['bash', 'zsh'] } },
      load,
    }),
    noop,
  );
  return program;
}

/** Where a committed script first differs from the generated one, in words. */
function staleness(actual: string | undefined, expected: string): string {
  if (actual === undefined) return 'missing';
  const a = actual.split('\n');
  const e = expected.split('\n');
  const line = e.findIndex((l, i) => a[i] !== l);
  const at = line === -1 ? a.length : line;
  return `stale from line ${at + 1} (committed: ${JSON.stringify(a[at] ?? '')}, expected: ${JSON.stringify(e[at] ?? '')})`;
}

const flag = (flags: FlagSpec[], long: string): FlagSpec | undefined => flags.find((f) => f.long === long);

describe('completion model', () => {
  const model = completionModel(sampleProgram());
  const verb = allSpecs(model.root).find((s) => s.path.join(' ') === 'noun verb')!;

  it.each([
    ['--mode', { kind: 'choices', values: ['x', 'y'], label: 'mode' }],
    ['--file', { kind: 'file', label: 'path' }],
    ['--out', { kind: 'file', label: 'file' }],
    ['--state', { kind: 'file', label: 'file' }],
    ['--dir', { kind: 'dir', label: 'dir' }],
    ['--knock', { kind: 'none' }],
    ['--level', { kind: 'free', label: 'n' }],
  ])('reads %s as %j', (long, value) => {
    expect(flag(verb.flags, long)?.value).toEqual(value);
  });

  it('keeps --no-x negations, drops other hidden flags, adds -h/--help', () => {
    expect(flag(verb.flags, '--no-knock')?.excludes).toEqual(['--no-knock', '--knock']);
    expect(flag(verb.flags, '--secret')).toBeUndefined();
    expect(verb.flags.some((f) => f.short === '-h' && f.long === '--help')).toBe(true);
  });

  it('marks optional values and repeatable flags', () => {
    expect(flag(verb.flags, '--level')?.optionalValue).toBe(true);
    expect(flag(verb.flags, '--data')?.repeatable).toBe(true);
    expect(flag(verb.flags, '--mode')?.repeatable).toBe(false);
  });

  it('puts program options in globals, arguments with choices in args, and help as a command', () => {
    expect(model.globals.map((g) => g.long)).toEqual(['--output', '--profile']);
    expect(allSpecs(model.root).find((s) => s.name === 'shell')?.args[0]?.value).toEqual({
      kind: 'choices',
      values: ['bash', 'zsh'],
      label: 'shell',
    });
    expect(model.root.subcommands.map((s) => s.name)).toEqual(['noun', 'shell', 'help']);
    expect(model.root.subcommands[0]?.description).toBe('a noun');
    expect(verb.args[0]).toMatchObject({ name: 'id', variadic: true, required: true });
  });

  it.each(SHELLS)('%s: the script names every command, flag and choice of the tree', (shell) => {
    const script = completionScript(shell, sampleProgram());
    for (const word of ['noun', 'verb', 'shell', 'mode', 'knock', 'no-knock', 'state', 'bash', 'zsh']) {
      expect(script).toContain(word);
    }
    expect(script).not.toContain('secret');
  });
});

describe('enum values of the real tree', () => {
  it.each([
    [['room', 'create'], '--mode', ['group', 'lecture']],
    [['room', 'create'], '--quality', ['HD', 'SD', 'LD']],
    [['room', 'create'], '--media-zone', ['IN', 'SG', 'US', 'XX']],
    [['token'], '--role', ['moderator', 'participant', 'viewer', 'audience']],
  ])('%j %s offers its choices', (path, long, values) => {
    expect(flag(specAt(path).flags, long)?.value).toMatchObject({ kind: 'choices', values });
  });

  it('-o/--output is global with the formats; completion takes a shell', () => {
    const model = completionModel(realProgram());
    expect(model.globals.find((g) => g.short === '-o')?.value).toMatchObject({
      values: ['table', 'json', 'yaml', 'csv', 'ndjson'],
    });
    expect(specAt(['completion']).args[0]?.value).toMatchObject({ values: ['bash', 'zsh', 'fish'] });
  });

  it('every -f/--file, --out, --state is a file and every --dir a folder', () => {
    const flags = allSpecs(completionModel(realProgram()).root).flatMap((s) => s.flags);
    expect(flags.some((f) => f.long === '--file')).toBe(true);
    for (const f of flags) {
      if (['--file', '--out', '--state'].includes(f.long ?? '')) expect(f.value.kind).toBe('file');
      if (f.long === '--dir') expect(f.value.kind).toBe('dir');
    }
  });
});

describe('committed scripts', () => {
  it.each(SHELLS)('the %s script in completions/ is up to date', (shell) => {
    const expected = completionScript(shell, realProgram());
    const actual = committed(shell);
    const file = `completions/${COMPLETION_FILES[shell]}`;
    expect(actual === expected, `${file} is ${staleness(actual, expected)}: run npm run completions`).toBe(
      true,
    );
  });

  it.each(SHELLS)('`enablex completion %s` prints the same script', async (shell) => {
    const r = await runCli(['completion', shell]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(completionScript(shell, realProgram()));
  });

  it('refuses an unknown shell with exit 2', async () => {
    const r = await runCli(['completion', 'powershell']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/powershell/);
    expect(r.stderr).toMatch(/bash, zsh, fish/);
  });
});
