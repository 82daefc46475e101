import type { Argument, Command, Option } from 'commander';
import { argSpecOf, flagSpecOf } from '../commands/adapter.js';
import type { CompleteHint } from '../commands/spec.js';

/** What a shell should offer for an option's value or a positional argument. */
export type ValueKind =
  | { kind: 'none' }
  | { kind: 'choices'; values: readonly string[]; label: string }
  | { kind: 'file'; label: string }
  | { kind: 'dir'; label: string }
  | { kind: 'free'; label: string }
  /** Asked of `enablex __complete <source>` at TAB time: saved profiles, or the account's rooms. */
  | { kind: 'dynamic'; source: DynamicSource; label: string };

/** What `enablex __complete` can list. */
export const DYNAMIC_SOURCES = ['profiles', 'rooms'] as const;
/** One dynamic source. */
export type DynamicSource = (typeof DYNAMIC_SOURCES)[number];

/** One flag as the completion scripts need it. */
export interface FlagSpec {
  /** `--mode`, or undefined for a short-only flag. */
  long: string | undefined;
  /** `-o`, or undefined. */
  short: string | undefined;
  description: string;
  /** What follows the flag; `none` for a boolean switch. */
  value: ValueKind;
  /** The value may be omitted (`--flag [value]`). */
  optionalValue: boolean;
  /** May be given more than once (`--data k=v --data k2=v2`). */
  repeatable: boolean;
  /** Flags that exclude this one: its short/long twin and its `--no-` negation. */
  excludes: string[];
}

/** One positional argument. */
export interface ArgSpec {
  name: string;
  required: boolean;
  variadic: boolean;
  value: ValueKind;
}

/** One command of the tree with everything a completion script offers under it. */
export interface CommandSpec {
  /** Words from the program to this command: `['room', 'create']`; empty for the program. */
  path: string[];
  name: string;
  description: string;
  /** Own flags, plus the help flag; globals live on the root and apply everywhere. */
  flags: FlagSpec[];
  args: ArgSpec[];
  subcommands: CommandSpec[];
}

/** The whole tree: the program (root) and the flags accepted after any command. */
export interface CompletionModel {
  program: string;
  root: CommandSpec;
  globals: FlagSpec[];
}

/** The first line of a description, for menus that show one line. */
function oneLine(text: string): string {
  return (text.split('\n')[0] ?? '').trim();
}

/** What the spec says to offer for a value (`complete`), or free text. */
function hinted(hint: CompleteHint | undefined, label: string): ValueKind {
  switch (hint) {
    case 'profiles':
    case 'rooms':
      return { kind: 'dynamic', source: hint, label };
    case 'file':
      return { kind: 'file', label };
    case 'dir':
      return { kind: 'dir', label };
    case undefined:
      return { kind: 'free', label };
  }
}

function optionValue(option: Option): ValueKind {
  if (!option.required && !option.optional) return { kind: 'none' };
  const label = (/[<[]([^>\]]+)[>\]]/.exec(option.flags)?.[1] ?? 'value').replace(/\.\.\.$/, '');
  if (option.argChoices?.length) return { kind: 'choices', values: option.argChoices, label };
  return hinted(flagSpecOf(option)?.complete, label);
}

/**
 * Negations nobody needs to be offered: a room is permanent unless `--scheduled` or `--adhoc` says
 * otherwise, so `--no-scheduled`/`--no-adhoc` only restate the default (they are still accepted, to
 * override a `-f` file).
 */
const UNOFFERED_NEGATIONS = new Set(['--no-scheduled', '--no-adhoc']);

/**
 * Options worth completing. Hidden options are left out (on `room update` they are the settings the
 * API refuses to change), except `--no-x` negations, which are hidden only to keep help short.
 */
function completable(cmd: Command, option: Option): boolean {
  if (!option.hidden) return true;
  if (!option.negate || !option.long) return false;
  if (UNOFFERED_NEGATIONS.has(option.long)) return false;
  const positive = `--${option.long.slice('--no-'.length)}`;
  return cmd.options.some((o) => o.long === positive && !o.hidden);
}

function flagSpec(option: Option, siblings: readonly Option[]): FlagSpec {
  const excludes = [option.short, option.long].filter((f): f is string => f !== undefined);
  const base = option.long?.replace(/^--(no-)?/, '');
  for (const other of siblings) {
    if (other === option || !base || !other.long) continue;
    if (other.long.replace(/^--(no-)?/, '') === base) excludes.push(other.long);
  }
  return {
    long: option.long,
    short: option.short,
    description: oneLine(option.description),
    value: optionValue(option),
    optionalValue: option.optional,
    repeatable: option.variadic || flagSpecOf(option)?.repeatable === true,
    excludes,
  };
}

function argValue(arg: Argument): ValueKind {
  const label = arg.name();
  if (arg.argChoices?.length) return { kind: 'choices', values: arg.argChoices, label };
  return hinted(argSpecOf(arg)?.complete, label);
}

function argSpec(arg: Argument): ArgSpec {
  return { name: arg.name(), required: arg.required, variadic: arg.variadic, value: argValue(arg) };
}

function flagsOf(cmd: Command, options: readonly Option[]): FlagSpec[] {
  const shown = options.filter((o) => completable(cmd, o));
  return shown.map((o) => flagSpec(o, shown));
}

function commandSpec(cmd: Command, path: string[]): CommandSpec {
  const helper = cmd.createHelp();
  // visibleOptions adds the implicit -h/--help; cmd.options also holds the hidden --no-x negations.
  const helpOptions = helper.visibleOptions(cmd).filter((o) => !cmd.options.includes(o));
  const own = cmd.parent ? [...cmd.options, ...helpOptions] : helpOptions;
  const visible = helper.visibleCommands(cmd);
  // Hidden commands are left out; what is visible but not registered is commander's implicit help.
  const implicitHelp = visible.find((c) => !cmd.commands.includes(c));
  const children = visible
    .filter((c) => cmd.commands.includes(c))
    .map((c) => commandSpec(c, [...path, c.name()]));
  const names = children.map((c) => c.name);
  const help = implicitHelp ? [helpCommandSpec(implicitHelp, path, names)] : [];
  return {
    path,
    name: cmd.name(),
    description: oneLine(cmd.description()),
    flags: flagsOf(cmd, own),
    args: cmd.registeredArguments.map((a) => argSpec(a)),
    subcommands: [...children, ...help],
  };
}

/** Commander's implicit `help [command]`: its argument completes to the sibling commands. */
function helpCommandSpec(help: Command, path: string[], siblings: string[]): CommandSpec {
  return {
    path: [...path, help.name()],
    name: help.name(),
    description: oneLine(help.description()),
    flags: [],
    args: [
      {
        name: 'command',
        required: false,
        variadic: false,
        value: { kind: 'choices', values: siblings, label: 'command' },
      },
    ],
    subcommands: [],
  };
}

/**
 * Reads the commander tree, built from the command specs, into the plain model every shell
 * generator works from; what to offer for a value (`complete`) and whether a flag repeats come
 * from the specs themselves.
 */
export function completionModel(program: Command): CompletionModel {
  return {
    program: program.name(),
    root: commandSpec(program, []),
    globals: flagsOf(program, program.options),
  };
}

/** Every command of the model, depth first, the root included. */
export function allSpecs(spec: CommandSpec): CommandSpec[] {
  return [spec, ...spec.subcommands.flatMap(allSpecs)];
}

/** Every spelling of a flag: `-o`, `--output`. */
export function spellings(flag: FlagSpec): string[] {
  return [flag.short, flag.long].filter((f): f is string => f !== undefined);
}

/** True when the flag consumes a value. */
export function takesValue(flag: FlagSpec): boolean {
  return flag.value.kind !== 'none';
}
