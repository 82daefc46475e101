import type { Command } from 'commander';
import { Argument, InvalidArgumentError, Option } from 'commander';
import type { ArgSpec, CommandSpec, FlagSpec, VerbInput } from './spec.js';

/** Turns a spec's lazy run into a commander action; the CLI supplies it (src/cli.ts). */
export type SpecAction = (
  spec: CommandSpec,
  path: readonly string[],
) => (...args: unknown[]) => Promise<void>;

/**
 * A case-insensitive parser for a flag with fixed values: `--quality hd` gives "HD". Anything else
 * is commander's own "Allowed choices are …" error, which it prefixes with the flag and the value.
 */
function choiceParser(choices: readonly string[]): (value: string) => string {
  return (value) => {
    const wanted = value.trim().toLowerCase();
    const match = choices.find((c) => c.toLowerCase() === wanted);
    if (match === undefined) throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.`);
    return match;
  };
}

/** Formats the "Examples:" block of a command's help. */
function examplesHelp(lines: readonly (readonly [comment: string, command: string])[]): string {
  return '\nExamples:\n' + lines.map(([comment, command]) => `  # ${comment}\n  $ ${command}\n`).join('\n');
}

/** The commander option of each flag key, per built command: how input is read back. */
const OPTIONS = new WeakMap<Command, Map<string, Option>>();
/** The spec of each option and argument built from one: what help and completions read. */
const SPECS = new WeakMap<Option | Argument, FlagSpec | ArgSpec>();

/** The flag spec an option was built from (undefined for commander's own -h and -V). */
export function flagSpecOf(option: Option): FlagSpec | undefined {
  return SPECS.get(option) as FlagSpec | undefined;
}

/** The argument spec an argument was built from. */
export function argSpecOf(argument: Argument): ArgSpec | undefined {
  return SPECS.get(argument) as ArgSpec | undefined;
}

/** A commander option from a flag spec. */
export function toOption(flag: FlagSpec): Option {
  const option = new Option(flag.flags, flag.description);
  if (flag.choices) {
    // .choices() keeps argChoices for help and completions; the parser after it replaces the
    // case-sensitive check commander installs.
    option.choices(flag.choices).argParser(choiceParser(flag.choices));
  }
  if (flag.repeatable) {
    option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
  }
  if (flag.defaultValue !== undefined) option.default(flag.defaultValue);
  if (flag.mandatory) option.makeOptionMandatory();
  if (flag.hidden) option.hideHelp();
  SPECS.set(option, flag);
  return option;
}

function toArgument(spec: ArgSpec): Argument {
  const argument = new Argument(spec.name, spec.description);
  if (spec.choices) argument.choices(spec.choices);
  SPECS.set(argument, spec);
  return argument;
}

/** Adds a command (and its subcommands) to `parent` from its spec. */
export function addCommand(
  parent: Command,
  spec: CommandSpec,
  action: SpecAction,
  path: readonly string[] = [],
): Command {
  const here = [...path, spec.name];
  const cmd = parent.command(spec.name, { hidden: spec.hidden === true }).description(spec.summary);
  for (const a of Object.values(spec.args ?? {})) cmd.addArgument(toArgument(a));
  const options = new Map<string, Option>();
  for (const [key, flag] of Object.entries(spec.flags ?? {})) {
    const option = toOption(flag);
    // Commander gives a flag its parent declares too to the parent, wherever it is typed: a verb
    // that does not read it from there (`shared`) would silently lose it. Caught when the tree is
    // built, so every test that builds it fails instead.
    const owner = ancestorDeclaring(parent, option.attributeName());
    if (owner && !flag.shared && option.attributeName() !== 'help') {
      throw new Error(
        `${[...here].join(' ')}: ${option.long ?? option.flags} is also a flag of \`${owner.name()}\`; mark it \`shared: true\`.`,
      );
    }
    cmd.addOption(option);
    options.set(key, option);
    const long = option.long?.slice(2);
    if (flag.negatable && long) {
      const negation = new Option(`--no-${long}`, `turn ${long} off`).hideHelp();
      SPECS.set(negation, { flags: negation.flags, description: negation.description, hidden: true });
      cmd.addOption(negation);
    }
  }
  OPTIONS.set(cmd, options);
  if (spec.passThrough) cmd.helpOption(false).allowUnknownOption().allowExcessArguments();
  const help =
    (spec.about ?? '') + (spec.examples?.length ? examplesHelp(spec.examples) : '') + (spec.notes ?? '');
  if (help) cmd.addHelpText('after', help);
  if (spec.load) cmd.action(action(spec, here));
  for (const sub of spec.subcommands ?? []) addCommand(cmd, sub, action, here);
  return cmd;
}

/** The nearest ancestor command (the program's globals excluded) that declares a flag. */
function ancestorDeclaring(cmd: Command | null, attribute: string): Command | undefined {
  for (let c = cmd; c?.parent; c = c.parent) {
    if (c.options.some((o) => o.attributeName() === attribute)) return c;
  }
  return undefined;
}

/**
 * The typed input of a verb, read back from what commander parsed. A `shared` flag given after the
 * subcommand's name lands on the parent (commander gives it to the first command declaring it), so
 * it is read there when the command itself did not get it.
 */
export function readInput(spec: CommandSpec, cmd: Command): VerbInput {
  const options = OPTIONS.get(cmd) ?? new Map<string, Option>();
  const opts: Record<string, unknown> = {};
  const given = new Set<string>();
  for (const [key, option] of options) {
    const attr = option.attributeName();
    let value: unknown = cmd.getOptionValue(attr);
    let source = cmd.getOptionValueSource(attr);
    if (spec.flags?.[key]?.shared && source !== 'cli') {
      for (let p = cmd.parent; p; p = p.parent) {
        if (p.getOptionValueSource(attr) === 'cli') {
          value = p.getOptionValue(attr);
          source = 'cli';
          break;
        }
      }
    }
    opts[key] = value;
    if (source === 'cli') given.add(key);
  }
  const args: Record<string, unknown> = {};
  const keys = Object.keys(spec.args ?? {});
  keys.forEach((key, i) => {
    args[key] = cmd.processedArgs[i];
  });
  return { opts, args, given: (key: string) => given.has(key) };
}
