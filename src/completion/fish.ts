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

/** The `complete` switches for a flag's names and value. */
function flagArgs(flag: FlagSpec): string {
  const parts: string[] = [];
  if (flag.short) parts.push(`-s ${flag.short.slice(1)}`);
  if (flag.long) parts.push(`-l ${flag.long.slice(2)}`);
  switch (flag.value.kind) {
    case 'none':
      break;
    case 'choices':
      parts.push(`-x -a ${q(flag.value.values.join(' '))}`);
      break;
    case 'file':
      parts.push('-r -F');
      break;
    case 'dir':
      parts.push(`-x -a ${q('(__fish_complete_directories (commandline -ct))')}`);
      break;
    case 'free':
      if (!flag.optionalValue) parts.push('-x');
      break;
  }
  parts.push(`-d ${q(flag.description)}`);
  return parts.join(' ');
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
  for (const flag of spec.flags) lines.push(`complete -c ${program} ${at} ${flagArgs(flag)}`);
  return lines;
}

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
    ...model.globals.map((g) => `complete -c ${p} ${flagArgs(g)}`),
    '',
    specs.map((s) => commandLines(p, s).join('\n')).join('\n\n'),
    '',
  ].join('\n');
}
