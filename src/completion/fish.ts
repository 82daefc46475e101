import {
  allSpecs,
  spellings,
  takesValue,
  type CommandSpec,
  type CompletionModel,
  type FlagSpec,
} from './model.js';

/** Single-quotes a word for fish (only `\` and `'` are special inside). */
function q(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The variable holding a command path's value-taking flags: `__enablex_v_room_create`. */
const valueVar = (program: string, path: string[]): string =>
  ['', '', program, 'v', 'root', ...path].join('_').replace(/[^A-Za-z0-9_]/g, '_');

/**
 * The `complete` lines for a flag: its names, its description and what its value completes to.
 * Fixed choices get a line of their own without `-d`, so fish shows the description on the flag
 * only, not repeated beside every value; dynamic values bring their own descriptions.
 */
function flagLines(prefix: string, flag: FlagSpec): string[] {
  const names: string[] = [];
  if (flag.short) names.push(`-s ${flag.short.slice(1)}`);
  if (flag.long) names.push(`-l ${flag.long.slice(2)}`);
  const head = `${prefix} ${names.join(' ')}`;
  const described = `-d ${q(flag.description)}`;
  switch (flag.value.kind) {
    case 'none':
      return [`${head} ${described}`];
    case 'choices':
      return [`${head} -x -a ${q(flag.value.values.join(' '))}`, `${head} -x ${described}`];
    case 'dynamic':
      return [`${head} -x -a ${q(`(${DYNAMIC_FN} ${flag.value.source})`)} ${described}`];
    case 'file':
      return [`${head} -r -F ${described}`];
    case 'dir':
      return [`${head} -x -a ${q('(__fish_complete_directories (commandline -ct))')} ${described}`];
    case 'free':
      return [`${head}${flag.optionalValue ? '' : ' -x'} ${described}`];
  }
}

function commandLines(program: string, spec: CommandSpec): string[] {
  const at = `-n ${q(`__${program}_at ${spec.path.join(' ')}`.trim())}`;
  const lines = [`# ${[program, ...spec.path].join(' ')}`];
  for (const sub of spec.subcommands) {
    lines.push(`complete -c ${program} ${at} -a ${q(sub.name)} -d ${q(sub.description)}`);
  }
  const first = spec.args[0];
  if (first?.value.kind === 'choices') {
    lines.push(`complete -c ${program} ${at} -a ${q(first.value.values.join(' '))}`);
  }
  const dynamic = spec.args.find((a) => a.value.kind === 'dynamic')?.value;
  if (dynamic?.kind === 'dynamic') {
    lines.push(`complete -c ${program} ${at} -a ${q(`(${DYNAMIC_FN} ${dynamic.source})`)}`);
  }
  for (const flag of spec.flags) lines.push(...flagLines(`complete -c ${program} ${at}`, flag));
  return lines;
}

/** The function that asks `enablex __complete` for candidates (profiles, rooms). */
const DYNAMIC_FN = '__enablex_dynamic';

/** The static part: finds the command path on the line, cached per command line. */
const HELPERS = String.raw`
# Prints the command path on the line so far ("room create"), skipping flags and their values.
function __PROG___path
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l path
    set -l skip 0
    for tok in $tokens
        if test $skip = 1
            set skip 0
            continue
        end
        switch $tok
            case '--*=*'
                continue
            case '-?*'
                set -l var __PROG___v_(string join _ root $path | string replace -a -- - _)
                if contains -- $tok $__PROG___v_globals $$var
                    set skip 1
                end
                continue
        end
        if contains -- (string join ' ' $path $tok) $__PROG___commands
            set -a path $tok
        else
            break
        end
    end
    echo $path
end

# Candidates from the program itself ("value<TAB>description" lines): the words so far go along so
# --profile and --emulator choose the account; stdin closed, errors dropped, at most 5 s.
function __PROG___dynamic
    set -l words (commandline -opc)
    set -l cmd $words[1] __complete $argv[1] -- $words
    if command -q timeout
        set cmd timeout 5 $cmd
    end
    $cmd 2>/dev/null </dev/null
end

# True when the command path on the line is exactly the arguments.
function __PROG___at
    set -l line (commandline -opc)
    if test "$line" != "$__PROG___cached_line"
        set -g __PROG___cached_line $line
        set -g __PROG___cached_path (__PROG___path)
    end
    test "$__PROG___cached_path" = "$argv"
end
`;

/** Generates the fish completion script. */
export function fishScript(model: CompletionModel): string {
  const p = model.program;
  const specs = allSpecs(model.root);
  const commands = specs.filter((s) => s.path.length > 0).map((s) => q(s.path.join(' ')));
  const valueVars = specs
    .map((s) => {
      const names = s.flags.filter(takesValue).flatMap(spellings);
      return names.length ? `set -g ${valueVar(p, s.path)} ${names.map(q).join(' ')}` : undefined;
    })
    .filter((l): l is string => l !== undefined);
  const globalValued = model.globals.filter(takesValue).flatMap(spellings).map(q).join(' ');
  return [
    `# fish completion for ${p}`,
    '# Generated from the command tree by `npm run completions`; do not edit by hand.',
    `# Install: ${p} completion fish > ~/.config/fish/completions/${p}.fish`,
    '',
    `set -g __${p}_commands ${commands.join(' ')}`,
    `set -g __${p}_v_globals ${globalValued}`,
    ...valueVars,
    HELPERS.replace(/__PROG__/g, `__${p}`),
    `complete -c ${p} -e`,
    `complete -c ${p} -f`,
    '',
    '# Global flags, accepted after any command.',
    ...model.globals.flatMap((g) => flagLines(`complete -c ${p}`, g)),
    '',
    specs.map((s) => commandLines(p, s).join('\n')).join('\n\n'),
    '',
  ].join('\n');
}
