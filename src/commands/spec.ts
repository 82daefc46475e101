/**
 * Commands as data. Each verb is one module (`<verb>.verb.ts`) that declares its flags, positional
 * arguments, table columns and examples with the builders below and names its `run` module, which
 * is loaded only when the verb runs. The command tree (src/commands/adapter.ts), the shell
 * completions and the generated command reference all read these specs.
 *
 * The run module types its input from the spec's flags and arguments:
 *
 *     const flags = { name: text('--name <text>', 'only rooms whose name contains this text') };
 *     export type ListInput = VerbInput<typeof flags>;
 *     export default defineCommand({ name: 'list', summary: '…', flags, load: () => import('./list.js') });
 *
 * and `run({ opts }: ListInput, f: Factory)` reads `opts.name` as `string | undefined`.
 */
import type { Command } from 'commander';
import type { Factory } from '../factory.js';

/** What a shell completes for a flag's value or an argument beyond fixed choices. */
export type CompleteHint = 'file' | 'dir' | 'profiles' | 'rooms';

/** One flag as data. `T` is the type its value has in `run` (a phantom: never set at run time). */
export interface FlagSpec<T = unknown> {
  /** As commander and help show it: `-o, --output <format>`, `--no-knock`, `--data <key=value>`. */
  readonly flags: string;
  readonly description: string;
  /** Fixed values, listed in help and completions; matched in any case, given back as declared. */
  readonly choices?: readonly string[];
  /** The value when the flag is not given (a string, as on the command line). */
  readonly defaultValue?: string;
  /** May be given more than once; the values arrive as a list. */
  readonly repeatable?: boolean;
  /** Commander refuses the command without it. */
  readonly mandatory?: boolean;
  /**
   * Needed unless something else stands in for it, said in help as `required unless …` (room create's
   * --name comes from -f or the wizard otherwise); the run function checks it.
   */
  readonly requiredUnless?: string;
  /** Left out of help (still accepted and completed). */
  readonly hidden?: boolean;
  /** What a shell offers for the value. */
  readonly complete?: CompleteHint;
  /** A switch that also has a hidden `--no-<name>` (to override a file or a default). */
  readonly negatable?: boolean;
  /**
   * Also read from the parent command when given there. Commander gives a flag declared on both a
   * command and its subcommand to the parent when it comes after the subcommand's name, so a verb
   * that shares flags with its noun (`cdr summary`, `archive download`) reads both.
   */
  readonly shared?: boolean;
  /**
   * Phantom field carrying `T` (never set). A function type keeps `T` whole: an optional field of
   * type `T` would lose `undefined` when `T` is inferred back from it.
   */
  readonly __value?: () => T;
}

/** One positional argument as data. */
export interface ArgSpec<T = unknown> {
  /** `<room-id>`, `<room-id...>`, `[path]`. */
  readonly name: string;
  readonly description: string;
  readonly choices?: readonly string[];
  readonly complete?: CompleteHint;
  /** Phantom field carrying `T`, as for flags. */
  readonly __value?: () => T;
}

/** A verb's flags, by the key `run` reads them under. */
export type Flags = Readonly<Record<string, FlagSpec>>;
/** A verb's positional arguments, in order, by the key `run` reads them under. */
export type Args = Readonly<Record<string, ArgSpec>>;

/** The values `run` receives for a set of flags. */
export type FlagValues<F extends Flags> = {
  readonly [K in keyof F]: F[K] extends FlagSpec<infer T> ? T : never;
};
/** The values `run` receives for a set of arguments. */
export type ArgValues<A extends Args> = {
  readonly [K in keyof A]: A[K] extends ArgSpec<infer T> ? T : never;
};

/** What a verb's `run` receives: its own flags and arguments, typed, and which flags were given. */
export interface VerbInput<F extends Flags = Flags, A extends Args = Record<never, ArgSpec>> {
  readonly opts: FlagValues<F>;
  readonly args: ArgValues<A>;
  /** True when the user gave the flag (not its default): the keys of `opts`. */
  given(key: keyof F & string): boolean;
}

/** The loaded half of a verb. */
export interface VerbModule {
  // The input is the verb's own VerbInput; `never` lets every verb's typed run fit one loader type.
  run(input: never, f: Factory): Promise<void>;
}

/** How a verb behaves beyond its flags, declared instead of set on the factory from outside. */
export interface Behaviour {
  /**
   * Ctrl-C or SIGTERM is this command's normal way to stop (a server, a watch): exit 0, not 130.
   * `{ whenGiven: 'watch' }`: only when that flag was given.
   */
  readonly stopSignalIsSuccess?: boolean | { readonly whenGiven: string };
  /** The command reports a profile file readable by others itself (doctor): no warning first. */
  readonly reportsLoosePermissions?: boolean;
}

/** One command of the tree: a verb with a run, a noun grouping verbs, or both (`cdr`, `emulator`). */
export interface CommandSpec {
  readonly name: string;
  /** One line, for help lists and the reference. */
  readonly summary: string;
  readonly flags?: Flags;
  readonly args?: Args;
  /** The default table's columns, for `run` (as `f.verb.columns`) and the reference. */
  readonly columns?: readonly string[];
  /** `[what it does, the command]` pairs for help and the reference. */
  readonly examples?: readonly (readonly [comment: string, command: string])[];
  /** More help before the examples (what the command does in more words). */
  readonly about?: string;
  /** More help after the examples (notes, environment). */
  readonly notes?: string;
  readonly behaviour?: Behaviour;
  /** Loads the run module; absent for a noun that only groups verbs. */
  readonly load?: () => Promise<VerbModule>;
  readonly subcommands?: readonly CommandSpec[];
  /** Extra words after the arguments are accepted (passed to run as given). */
  readonly passThrough?: boolean;
  /** Left out of help and the reference (internal commands such as `__complete`). */
  readonly hidden?: boolean;
}

/** How a verb behaves, with `whenGiven` naming one of its own flags. */
interface TypedBehaviour<F extends Flags> extends Omit<Behaviour, 'stopSignalIsSuccess'> {
  readonly stopSignalIsSuccess?: boolean | { readonly whenGiven: keyof F & string };
}

/** A command as declared: its `run` module must take exactly the input its flags and arguments give. */
interface TypedCommandSpec<F extends Flags, A extends Args> extends Omit<
  CommandSpec,
  'flags' | 'args' | 'load' | 'behaviour'
> {
  readonly flags?: F;
  readonly args?: A;
  readonly behaviour?: TypedBehaviour<F>;
  readonly load?: () => Promise<{ run: (input: VerbInput<F, A>, f: Factory) => Promise<void> }>;
}

/**
 * Declares a command. The type checks that `load` names a module whose `run` takes this spec's
 * input and that `whenGiven` names one of its flags; the tree, completions and reference then read
 * it as a plain CommandSpec.
 */
export function defineCommand<
  F extends Flags = Record<never, FlagSpec>,
  A extends Args = Record<never, ArgSpec>,
>(spec: TypedCommandSpec<F, A>): CommandSpec {
  // Checked above against this spec's own input; from here on every verb's input is one shape.
  return spec as unknown as CommandSpec;
}

/** Extra settings of a flag. */
interface FlagExtras {
  hidden?: boolean;
  negatable?: boolean;
  complete?: CompleteHint;
  shared?: boolean;
}

/** A switch (`--dry-run`) or its negation (`--no-knock`): true, false, or undefined when not given. */
export function bool(
  flags: string,
  description: string,
  extras: FlagExtras = {},
): FlagSpec<boolean | undefined> {
  return { flags, description, ...extras };
}

/** A flag with a value (`--name <text>`): the text, or undefined when not given. */
export function text(
  flags: string,
  description: string,
  extras: FlagExtras = {},
): FlagSpec<string | undefined> {
  return { flags, description, ...extras };
}

/** A flag with a value and a default: always a string. */
export function textWithDefault(
  flags: string,
  description: string,
  defaultValue: string,
  extras: FlagExtras = {},
): FlagSpec<string> {
  return { flags, description, defaultValue, ...extras };
}

/** A flag the command cannot run without: always a string. */
export function required(flags: string, description: string, extras: FlagExtras = {}): FlagSpec<string> {
  return { flags, description, mandatory: true, ...extras };
}

/** A flag with fixed values, matched in any case: one of them, or undefined when not given. */
export function choice<C extends string>(
  flags: string,
  description: string,
  choices: readonly C[],
  extras: FlagExtras = {},
): FlagSpec<C | undefined> {
  return { flags, description, choices, ...extras };
}

/** A flag with fixed values and a default: always one of them. */
export function choiceWithDefault<C extends string>(
  flags: string,
  description: string,
  choices: readonly C[],
  defaultValue: C,
  extras: FlagExtras = {},
): FlagSpec<C> {
  return { flags, description, choices, defaultValue, ...extras };
}

/** A flag given any number of times (`--data k=v --data k2=v2`): every value in order, or undefined. */
export function list(
  flags: string,
  description: string,
  extras: FlagExtras = {},
): FlagSpec<string[] | undefined> {
  return { flags, description, repeatable: true, ...extras };
}

/** Extra settings of an argument. */
interface ArgExtras {
  choices?: readonly string[];
  complete?: CompleteHint;
}

/** A required positional argument (`<room-id>`). */
export function arg(name: `<${string}>`, description: string, extras: ArgExtras = {}): ArgSpec<string> {
  return { name, description, ...extras };
}

/** A required positional argument with fixed values (`<shell>`): one of them. */
export function choiceArg<C extends string>(
  name: `<${string}>`,
  description: string,
  choices: readonly C[],
): ArgSpec<C> {
  return { name, description, choices };
}

/** An optional positional argument (`[path]`). */
export function optionalArg(
  name: `[${string}]`,
  description: string,
  extras: ArgExtras = {},
): ArgSpec<string | undefined> {
  return { name, description, ...extras };
}

/** A positional argument taking every remaining word (`<room-id...>`, `[words...]`). */
export function variadicArg(
  name: `<${string}...>` | `[${string}...]`,
  description: string,
  extras: ArgExtras = {},
): ArgSpec<string[]> {
  return { name, description, ...extras };
}

/** The verb being run, as its run function may need it (its default columns). */
export interface RunningVerb {
  /** `['room', 'list']`. */
  readonly path: readonly string[];
  readonly columns: readonly string[] | undefined;
  /** The whole command tree the verb was parsed from (what `completion` writes scripts for). */
  readonly program?: Command;
}
