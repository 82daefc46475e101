import type { Argument, Command, Help, Option } from 'commander';

/**
 * Flags a command needs that commander cannot mark mandatory because another way stands in for
 * them (`room create` takes them from -f or the wizard), with the condition shown in help.
 */
const REQUIRED_UNLESS: Readonly<Record<string, { flags: readonly string[]; note: string }>> = {
  'room create': { flags: ['--name', '--owner-ref'], note: 'required unless -f or -i' },
};

/** The heading of the inherited flags, as gh's "INHERITED FLAGS". */
export const INHERITED_HEADING = 'Global options (inherited):';

/** `room create` for a command. */
function pathOf(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Why a flag is required in help text, or undefined when it is not. */
function requiredNote(cmd: Command, option: Option): string | undefined {
  if (option.mandatory) return 'required';
  const rule = REQUIRED_UNLESS[pathOf(cmd)];
  return option.long && rule?.flags.includes(option.long) ? rule.note : undefined;
}

/** A value as help shows it: bare words, quoted only when they hold spaces or are empty. */
function shown(value: unknown): string {
  const text = Array.isArray(value) ? value.join(', ') : String(value);
  return text === '' || /\s/.test(text) ? JSON.stringify(text) : text;
}

/** The "(choices: a, b, default: c)" tail, with values unquoted. */
function extras(item: Option | Argument, required?: string): string {
  const info: string[] = [];
  if (required) info.push(required);
  if (item.argChoices) info.push(`choices: ${item.argChoices.join(', ')}`);
  const isOption = 'flags' in item;
  const takesValue = isOption ? item.required || item.optional : true;
  if (item.defaultValue !== undefined && takesValue) {
    info.push(`default: ${item.defaultValueDescription ?? shown(item.defaultValue)}`);
  }
  return info.length ? ` (${info.join(', ')})` : '';
}

/**
 * The help of one command: required flags first and marked, values and defaults unquoted, and the
 * global flags it inherits listed under their own heading (without --version, which only the
 * program takes).
 */
function helpSettings(cmd: Command): Partial<Help> {
  return {
    showGlobalOptions: true,
    visibleOptions(this: Help, c: Command): Option[] {
      const base = Object.getPrototypeOf(this) as Help;
      const options = base.visibleOptions.call(this, c);
      const rank = (o: Option) => (requiredNote(c, o) ? 0 : 1);
      return options
        .map((o, i) => ({ o, i }))
        .sort((a, b) => rank(a.o) - rank(b.o) || a.i - b.i)
        .map((x) => x.o);
    },
    visibleGlobalOptions(this: Help, c: Command): Option[] {
      const base = Object.getPrototypeOf(this) as Help;
      return base.visibleGlobalOptions.call(this, c).filter((o) => o.long !== '--version');
    },
    optionDescription: (option: Option) =>
      `${option.description}${extras(option, requiredNote(cmd, option))}`,
    argumentDescription: (argument: Argument) => `${argument.description}${extras(argument)}`,
    formatItemList(this: Help, heading: string, items: string[], helper: Help): string[] {
      const base = Object.getPrototypeOf(this) as Help;
      const title = heading === 'Global Options:' ? INHERITED_HEADING : heading;
      return base.formatItemList.call(this, title, items, helper);
    },
  };
}

/**
 * Applies the help settings to every command of the tree. A command that runs itself and has
 * subcommands (`archive` and `archive download`) also gets `help [command]`, which commander only
 * adds by itself to commands without an action: `enablex archive help download` works.
 */
export function configureHelpText(program: Command): void {
  const visit = (cmd: Command): void => {
    cmd.configureHelp(helpSettings(cmd));
    if (cmd.commands.length > 0 && cmd.parent) cmd.helpCommand(true);
    cmd.commands.forEach(visit);
  };
  visit(program);
}
