import { Option, type Command } from 'commander';
import { collect } from '../../validate.js';
import { ROOM_SETTINGS, attributeName } from './settings.js';

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
    if (spec.choices) option.choices(spec.choices);
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
