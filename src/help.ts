import type { Argument, Command, Help, Option } from 'commander';
import { flagSpecOf } from './commands/adapter.js';

/**
 * The heading of the inherited flags, as gh's "INHERITED FLAGS".
 * @internal Exported for the help tests, which look for the heading by it.
 */
export const INHERITED_HEADING = 'Global options (inherited):';

/** Why a flag is required in help text, or undefined when it is not (its spec says). */
function requiredNote(option: Option): string | undefined {
  if (option.mandatory) return 'required';
  const unless = flagSpecOf(option)?.requiredUnless;
  return unless ? `required unless ${unless}` : undefined;
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
const HELP_SETTINGS: Partial<Help> = helpSettings();

function helpSettings(): Partial<Help> {
  return {
    showGlobalOptions: true,
    visibleOptions(this: Help, c: Command): Option[] {
      const base = Object.getPrototypeOf(this) as Help;
      const options = base.visibleOptions.call(this, c);
      const rank = (o: Option) => (requiredNote(o) ? 0 : 1);
      return options
        .map((o, i) => ({ o, i }))
        .sort((a, b) => rank(a.o) - rank(b.o) || a.i - b.i)
        .map((x) => x.o);
    },
    visibleGlobalOptions(this: Help, c: Command): Option[] {
      const base = Object.getPrototypeOf(this) as Help;
      return base.visibleGlobalOptions.call(this, c).filter((o) => o.long !== '--version');
    },
    optionDescription: (option: Option) => `${option.description}${extras(option, requiredNote(option))}`,
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
    cmd.configureHelp(HELP_SETTINGS);
    if (cmd.commands.length > 0 && cmd.parent) cmd.helpCommand(true);
    cmd.commands.forEach(visit);
  };
  visit(program);
}
