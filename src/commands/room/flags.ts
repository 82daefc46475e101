import type { FlagSpec, VerbInput } from '../spec.js';
import { bool, list, text } from '../spec.js';
import { ROOM_SETTINGS, attributeName } from './settings.js';

/**
 * Every room setting as a flag, from the one settings table: booleans are switches with a hidden
 * `--no-x` (to override a -f file), enums take their values in any case. `hideImmutable` hides the
 * settings the API refuses to change (room update).
 */
export function settingFlags(opts: { hideImmutable?: boolean } = {}): Record<string, FlagSpec<unknown>> {
  const flags: Record<string, FlagSpec<unknown>> = {};
  for (const spec of ROOM_SETTINGS) {
    const hidden = opts.hideImmutable === true && spec.immutable === true;
    const key = attributeName(spec.flag);
    flags[key] =
      spec.kind === 'bool'
        ? bool(`--${spec.flag}`, spec.description, { hidden, negatable: true })
        : {
            ...text(`--${spec.flag} ${spec.arg ?? '<value>'}`, spec.description, { hidden }),
            ...(spec.choices ? { choices: spec.choices } : {}),
          };
  }
  return flags;
}

/** The flags that say what a room is, besides its settings: shared by room create and room update. */
export const ROOM_FIELD_FLAGS = {
  name: text('--name <name>', 'room name'),
  ownerRef: text('--owner-ref <ref>', 'your reference for the owner, shown in reports'),
  data: list('--data <key=value>', 'custom room data (repeatable)'),
  file: text('-f, --file <path>', 'a JSON or YAML room body ("-" for stdin); flags override it', {
    complete: 'file',
  }),
};

/** The flag values room create and room update share: the room's fields and its settings. */
export interface RoomFieldValues {
  readonly name: string | undefined;
  readonly ownerRef: string | undefined;
  readonly data: string[] | undefined;
  readonly file: string | undefined;
}

/** What room create and room update read a room from: their input. */
export type SettingsInput = Pick<VerbInput, 'given'> & { readonly opts: RoomFieldValues };

/** The setting flags the user actually gave, by flag name. */
export function givenSettings(input: SettingsInput): Map<string, unknown> {
  const given = new Map<string, unknown>();
  for (const spec of ROOM_SETTINGS) {
    const key = attributeName(spec.flag);
    // The settings' values are read by the settings table's keys (they are typed as a record).
    const value = (input.opts as unknown as Readonly<Record<string, unknown>>)[key];
    if (value !== undefined && input.given(key)) given.set(spec.flag, value);
  }
  return given;
}
