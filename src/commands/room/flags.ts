import { InvalidArgumentError, Option, type Command } from 'commander';
import { collect } from '../../validate.js';
import { ROOM_SETTINGS, attributeName } from './settings.js';

/**
 * A case-insensitive parser for an enum flag, as `parseSetting` is for --file: `--quality hd` gives
 * "HD". Anything else is commander's own "Allowed choices are …" error, which it prefixes with the
 * flag and the value.
 */
export function choiceParser(choices: readonly string[]): (value: string) => string {
  return (value) => {
    const wanted = value.trim().toLowerCase();
    const match = choices.find((c) => c.toLowerCase() === wanted);
    if (match === undefined) throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.`);
    return match;
  };
}

/** Adds every room setting as a flag (booleans get --x and --no-x), from the one settings table. */
export function addSettingFlags(cmd: Command, opts: { hideImmutable?: boolean } = {}): Command {
  for (const spec of ROOM_SETTINGS) {
    const hidden = opts.hideImmutable === true && spec.immutable === true;
    if (spec.kind === 'bool') {
      cmd.addOption(new Option(`--${spec.flag}`, spec.description).hideHelp(hidden));
      cmd.addOption(new Option(`--no-${spec.flag}`, `turn ${spec.flag} off`).hideHelp(true));
      continue;
    }
    const option = new Option(`--${spec.flag} ${spec.arg ?? '<value>'}`, spec.description).hideHelp(hidden);
    // .choices() keeps argChoices for help and completions; the parser after it replaces the
    // case-sensitive check commander installs.
    if (spec.choices) option.choices(spec.choices).argParser(choiceParser(spec.choices));
    cmd.addOption(option);
  }
  cmd.addOption(new Option('--name <name>', 'room name'));
  cmd.addOption(new Option('--owner-ref <ref>', 'your reference for the owner, shown in reports'));
  cmd.addOption(new Option('--data <key=value>', 'custom room data (repeatable)').argParser(collect));
  cmd.addOption(
    new Option('-f, --file <path>', 'a JSON or YAML room body ("-" for stdin); flags override it'),
  );
  return cmd;
}

/** The setting flags the user actually gave, by flag name (commander's value source is "cli"). */
export function givenSettings(cmd: Command): Map<string, unknown> {
  const opts = cmd.opts();
  const given = new Map<string, unknown>();
  for (const spec of ROOM_SETTINGS) {
    const key = attributeName(spec.flag);
    if (opts[key] !== undefined && cmd.getOptionValueSource(key) === 'cli') given.set(spec.flag, opts[key]);
  }
  return given;
}
