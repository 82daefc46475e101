import { singleQuote as q } from '../lib/shell.js';
import {
  allSpecs,
  spellings,
  takesValue,
  type CommandSpec,
  type CompletionModel,
  type FlagSpec,
  type ValueKind,
} from './model.js';

/** How the script encodes a value kind: "" (switch), free, file, dir, choices:a b; "?" = optional. */
function kindWord(flag: FlagSpec): string {
  const word = valueWord(flag.value);
  return flag.optionalValue && word !== '' ? `?${word}` : word;
}

function valueWord(value: ValueKind): string {
  switch (value.kind) {
    case 'none':
      return '';
    case 'choices':
      return `choices:${value.values.join(' ')}`;
    case 'file':
    case 'dir':
      return value.kind;
    case 'free':
      return 'free';
    case 'dynamic':
      return `dynamic:${value.source}`;
  }
}

const key = (spec: CommandSpec): string => spec.path.join(' ');

function subcommandCases(specs: CommandSpec[]): string[] {
  return specs
    .filter((s) => s.subcommands.length > 0)
    .map((s) => `    ${q(key(s))}) REPLY=${q(s.subcommands.map((c) => c.name).join(' '))} ;;`);
}

function flagCases(specs: CommandSpec[]): string[] {
  return specs.map((s) => `    ${q(key(s))}) REPLY=${q(s.flags.flatMap(spellings).join(' '))} ;;`);
}

/** Value kinds per command; an own switch that shadows a global value flag gets its own entry. */
function valueCases(specs: CommandSpec[], globals: FlagSpec[]): string[] {
  const globalValued = new Set(globals.filter(takesValue).flatMap(spellings));
  const lines: string[] = [];
  for (const s of specs) {
    for (const flag of s.flags) {
      const names = spellings(flag).filter((n) => takesValue(flag) || globalValued.has(n));
      if (names.length === 0) continue;
      const pattern = names.map((n) => q(`${key(s)}|${n}`)).join('|');
      lines.push(`    ${pattern}) REPLY=${q(kindWord(flag))} ;;`);
    }
  }
  for (const flag of globals.filter(takesValue)) {
    const pattern = spellings(flag)
      .map((n) => `*${q(`|${n}`)}`)
      .join('|');
    lines.push(`    ${pattern}) REPLY=${q(kindWord(flag))} ;;`);
  }
  return lines;
}

function argCases(specs: CommandSpec[]): string[] {
  const lines: string[] = [];
  for (const s of specs) {
    s.args.forEach((arg, index) => {
      if (arg.value.kind !== 'choices' && arg.value.kind !== 'dynamic') return;
      const word = q(valueWord(arg.value));
      lines.push(`    ${q(`${key(s)}|${index}`)}) REPLY=${word} ;;`);
      if (arg.variadic) lines.push(`    ${q(`${key(s)}|`)}*) REPLY=${word} ;;`);
    });
  }
  return lines;
}

/**
 * Candidates from the program itself: \`__complete <source> -- <words so far>\` (so --profile and
 * --emulator on the line choose the account), with stdin closed (it never prompts), errors thrown
 * away, and a hard stop after 5 s (start-up included) where \`timeout\` exists. Prints the values, descriptions cut off.
 */
const DYNAMIC = String.raw`
__PROG___dynamic() {
  local prog="@{COMP_WORDS[0]}"
  local -a cmd=("$prog" __complete "$1" -- "@{COMP_WORDS[@]:0:COMP_CWORD}")
  if command -v timeout >/dev/null 2>&1; then cmd=(timeout 5 "@{cmd[@]}"); fi
  "@{cmd[@]}" 2>/dev/null </dev/null | cut -f1
}
`;

/**
 * The static part: walks the words, finds the command path, then completes the current word.
 * `@{` stands for bash's `${`, which a template literal would read as an interpolation.
 */
const MAIN = String.raw`
__PROG__() {
  local cur="@{COMP_WORDS[COMP_CWORD]}" path='' word want='' kind words i=1 npos=0 endopts=0 REPLY
  while (( i < COMP_CWORD )); do
    word="@{COMP_WORDS[i]}"
    if (( ! endopts )) && [[ $word == -?* ]]; then
      if [[ $word == -- ]]; then endopts=1; (( i++ )); continue; fi
      __PROG___value "$path" "$word"
      # "--flag value", or "--flag=value", which bash splits into "--flag" "=" "value".
      if [[ -n $REPLY && ( $REPLY != \?* || @{COMP_WORDS[i+1]} != -* ) ]]; then
        if [[ @{COMP_WORDS[i+1]} == '=' ]]; then
          if (( i + 2 >= COMP_CWORD )); then
            want="$word"
            (( i + 1 == COMP_CWORD )) && cur=''
            break
          fi
          (( i += 2 ))
        else
          if (( i + 1 == COMP_CWORD )); then want="$word"; break; fi
          (( i += 1 ))
        fi
      fi
    else
      __PROG___subcommands "$path"
      if [[ $npos == 0 && " $REPLY " == *" $word "* ]]; then
        path="@{path:+$path }$word"
      else
        (( npos++ ))
      fi
    fi
    (( i++ ))
  done
  COMPREPLY=()
  if [[ -n $want ]]; then
    __PROG___value "$path" "$want"
    kind="@{REPLY#\?}"
    case "$kind" in
      choices:*) COMPREPLY=($(compgen -W "@{kind#choices:}" -- "$cur")) ;;
      dynamic:*) COMPREPLY=($(compgen -W "$(__PROG___dynamic "@{kind#dynamic:}")" -- "$cur")) ;;
      file | dir)
        compopt -o filenames 2>/dev/null
        local IFS=$'\n'
        if [[ $kind == dir ]]; then COMPREPLY=($(compgen -d -- "$cur")); else COMPREPLY=($(compgen -f -- "$cur")); fi
        ;;
    esac
    [[ $REPLY != \?* || $cur != -* ]] && return 0
  fi
  if (( ! endopts )) && [[ $cur == -* ]]; then
    __PROG___flags "$path"
    COMPREPLY=($(compgen -W "$REPLY" -- "$cur"))
    return 0
  fi
  words=''
  if (( npos == 0 )); then __PROG___subcommands "$path"; words="$REPLY"; fi
  __PROG___arg "$path" "$npos"
  [[ $REPLY == choices:* ]] && words="$words @{REPLY#choices:}"
  [[ $REPLY == dynamic:* ]] && words="$words $(__PROG___dynamic "@{REPLY#dynamic:}")"
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
  return 0
}
complete -F __PROG__ __NAME__
`;

/** Generates the bash completion script (bash 4+; also works with bash-completion loaded). */
export function bashScript(model: CompletionModel): string {
  const fn = `_${model.program.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const specs = allSpecs(model.root);
  const globalFlags = model.globals.flatMap(spellings).join(' ');
  const block = (name: string, doc: string, subject: string, body: string[]): string =>
    [
      `# ${doc}`,
      `${fn}_${name}() {`,
      `  case "${subject}" in`,
      ...body,
      "    *) REPLY='' ;;",
      '  esac',
      '}',
    ].join('\n');
  return [
    `# bash completion for ${model.program}`,
    '# Generated from the command tree by `npm run completions`; do not edit by hand.',
    `# Install: ${model.program} completion bash > ~/.local/share/bash-completion/completions/${model.program}`,
    '',
    block('subcommands', 'Subcommands of a command path ("" is the program).', '$1', subcommandCases(specs)),
    '',
    [
      '# Flags of a command path: its own, then the global ones.',
      `${fn}_flags() {`,
      '  case "$1" in',
      ...flagCases(specs),
      "    *) REPLY='' ;;",
      '  esac',
      `  REPLY="$REPLY ${globalFlags}"`,
      '}',
    ].join('\n'),
    '',
    block(
      'value',
      'What a flag takes under a command ("path|flag"): "" (a switch), free, file, dir, choices:...; "?" = optional.',
      '$1|$2',
      valueCases(specs, model.globals),
    ),
    '',
    block('arg', 'Choices of the positional argument at an index ("path|index").', '$1|$2', argCases(specs)),
    (DYNAMIC + MAIN)
      .replace(/@\{/g, '${')
      .replace(/__PROG__/g, fn)
      .replace(/__NAME__/g, model.program),
  ].join('\n');
}
