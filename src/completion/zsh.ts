import { singleQuote as q } from '../lib/shell.js';
import {
  allSpecs,
  spellings,
  type ArgSpec,
  type CommandSpec,
  type CompletionModel,
  type FlagSpec,
  type ValueKind,
} from './model.js';

/** The function that asks `enablex __complete` for candidates (profiles, rooms). */
const DYNAMIC_FN = '__enablex_dynamic';

/**
 * Candidates from the program itself, with the words left of the cursor (so --profile and
 * --emulator choose the account), stdin closed, errors thrown away, at most 5 s (start-up included) where `timeout`
 * exists. Lines are `value<TAB>description`, shown as zsh shows described values. The source is
 * the last argument: _arguments puts compadd options (-J …) before it.
 */
function dynamicFunction(program: string): string {
  return String.raw`${DYNAMIC_FN}() {
  local -a line items cmd
  local entry src=${'$'}{@[-1]}
  line=(${'$'}{(z)LBUFFER})
  cmd=(${'$'}{line[1]:-${program}} __complete "$src" -- "${'$'}{line[@]}")
  (( $+commands[timeout] )) && cmd=(timeout 5 "${'$'}{cmd[@]}")
  for entry in ${'$'}{(f)"$("${'$'}{cmd[@]}" 2>/dev/null </dev/null)"}; do
    if [[ $entry == *$'\t'* ]]; then
      items+=("${'$'}{${'$'}{entry%%$'\t'*}//:/\:}:${'$'}{entry#*$'\t'}")
    else
      items+=("${'$'}{entry//:/\:}")
    fi
  done
  _describe -t "$src" "$src" items
}`;
}

/** Escapes text for the `[description]` of an _arguments spec. */
function bracket(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/([[\]:])/g, '\\$1');
}

/** Escapes a message or a `_describe` item, where `:` separates fields. */
function colon(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/:/g, '\\:');
}

/** The `:message:action` tail of a spec. */
function action(value: ValueKind): string {
  switch (value.kind) {
    case 'none':
      return '';
    case 'choices':
      return `:${colon(value.label)}:(${value.values.join(' ')})`;
    case 'file':
      return `:${colon(value.label)}:_files`;
    case 'dir':
      return `:${colon(value.label)}:_files -/`;
    case 'free':
      return `:${colon(value.label)}: `;
    case 'dynamic':
      return `:${colon(value.label)}:${DYNAMIC_FN} ${value.source}`;
  }
}

/** One flag as _arguments specs: `'(-o --output)'{-o,--output}'[output format]:value:(…)'`. */
function flagSpecs(flag: FlagSpec): string {
  const names = spellings(flag);
  const tail = `[${bracket(flag.description)}]${flag.optionalValue ? action(flag.value).replace(/^:/, '::') : action(flag.value)}`;
  if (flag.repeatable) {
    return names.length > 1 ? `'*'{${names.join(',')}}${q(tail)}` : q(`*${names[0]}${tail}`);
  }
  const exclusion = flag.excludes.length > 1 ? `(${flag.excludes.join(' ')})` : '';
  if (names.length > 1) return `${q(exclusion)}{${names.join(',')}}${q(tail)}`;
  return q(`${exclusion}${names[0]}${tail}`);
}

function argSpecs(args: ArgSpec[]): string[] {
  return args.map((arg, i) => {
    const position = arg.variadic ? '*' : String(i + 1);
    const tail =
      arg.value.kind === 'choices'
        ? `:(${arg.value.values.join(' ')})`
        : arg.value.kind === 'dynamic'
          ? `:${DYNAMIC_FN} ${arg.value.source}`
          : ': ';
    return q(`${position}${arg.required ? '' : ':'}:${colon(arg.name)}${tail}`);
  });
}

const fnName = (model: CompletionModel, spec: CommandSpec): string =>
  ['', model.program, ...spec.path].join('_').replace(/[^A-Za-z0-9_]/g, '_');

/** The flags a command takes after the globals it does not shadow. */
function globalsFor(spec: CommandSpec, globals: FlagSpec[]): FlagSpec[] | 'all' {
  const own = new Set(spec.flags.flatMap(spellings));
  const kept = globals.filter((g) => !spellings(g).some((n) => own.has(n)));
  return kept.length === globals.length ? 'all' : kept;
}

/** `_arguments` with the globals, the own flags and the given positional specs. */
function argumentsCall(
  model: CompletionModel,
  spec: CommandSpec,
  positional: string[],
  flags = '-C -s',
): string[] {
  const globals = globalsFor(spec, model.globals);
  const lines = ['  local -a reply'];
  if (globals === 'all') lines.push(`  _${model.program}_globals`);
  else lines.push(`  reply=(\n${globals.map((g) => `    ${flagSpecs(g)}`).join('\n')}\n  )`);
  const specs = [...spec.flags.map(flagSpecs), ...positional];
  lines.push(`  _arguments ${flags} "\${reply[@]}" \\`, ...specs.map((s) => `    ${s} \\`), '    && ret=0');
  return lines;
}

function leafFunction(
  model: CompletionModel,
  spec: CommandSpec,
  name = fnName(model, spec),
  skip = 0,
): string {
  return [
    `${name}() {`,
    '  local ret=1',
    ...argumentsCall(model, spec, argSpecs(spec.args.slice(skip)), '-s'),
    '  return ret',
    '}',
  ].join('\n');
}

/** A command with subcommands: complete the subcommand, then hand over to its function. */
function groupFunction(model: CompletionModel, spec: CommandSpec): string {
  const name = fnName(model, spec);
  const items = spec.subcommands.map((c) => `    ${q(`${colon(c.name)}:${c.description}`)}`);
  const first = spec.args[0];
  // A command with subcommands and its own positional argument: offer both in the first position.
  const firstArg = !first
    ? []
    : first.value.kind === 'choices'
      ? [
          `      local -a values=(${first.value.values.join(' ')})`,
          `      _describe -t values ${q(first.name)} values && ret=0`,
        ]
      : [`      _message ${q(first.name)}`];
  const own = first ? `${name}__own` : undefined;
  const lines = [
    `${name}() {`,
    '  local curcontext="$curcontext" state state_descr line ret=1',
    '  typeset -A opt_args',
    ...argumentsCall(model, spec, [q('1: :->command'), q('*:: :->args')]),
    '  case $state in',
    '    command)',
    '      local -a commands=(',
    ...items.map((i) => `    ${i}`),
    '      )',
    `      _describe -t commands ${q(`${[model.program, ...spec.path].join(' ')} command`)} commands && ret=0`,
    ...firstArg,
    '      ;;',
    '    args)',
    `      curcontext="\${curcontext%:*:*}:${[model.program, ...spec.path].join('-')}-$words[1]:"`,
    '      case $words[1] in',
    ...spec.subcommands.map((c) => `        ${c.name}) ${fnName(model, c)} && ret=0 ;;`),
    ...(own ? [`        *) ${own} && ret=0 ;;`] : []),
    '      esac',
    '      ;;',
    '  esac',
    '  return ret',
    '}',
  ];
  // After such a command's own first argument, words[1] is that argument (not a subcommand), so
  // its own completer takes the remaining arguments only.
  return own ? [lines.join('\n'), leafFunction(model, spec, own, 1)].join('\n\n') : lines.join('\n');
}

/** Generates the zsh completion script: autoloadable from $fpath as `_enablex`, or sourceable. */
export function zshScript(model: CompletionModel): string {
  const root = fnName(model, model.root);
  const functions = allSpecs(model.root).map((s) =>
    s.subcommands.length ? groupFunction(model, s) : leafFunction(model, s),
  );
  return [
    `#compdef ${model.program}`,
    `# zsh completion for ${model.program}`,
    '# Generated from the command tree by `npm run completions`; do not edit by hand.',
    `# Install: ${model.program} completion zsh > "\${fpath[1]}/_${model.program}" (or any folder in $fpath)`,
    '',
    dynamicFunction(model.program),
    '',
    '# The global flags, accepted after any command.',
    `_${model.program}_globals() {`,
    '  reply=(',
    ...model.globals.map((g) => `    ${flagSpecs(g)}`),
    '  )',
    '}',
    '',
    functions.join('\n\n'),
    '',
    `if [ "$funcstack[1]" = "${root}" ]; then`,
    `  ${root} "$@"`,
    'else',
    `  compdef ${root} ${model.program}`,
    'fi',
    '',
  ].join('\n');
}
