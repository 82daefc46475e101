import type { Command, Option } from 'commander';

/** Characters that end a command inside a shell line, outside quotes. */
const TERMINATORS = new Set(['|', ';', '&', ')', '`', '>', '<']);

/**
 * Splits the words of one command that starts at `start` in a shell line, as the shell would:
 * quotes and backslashes are honoured, and an unquoted `|`, `;`, `&`, `)`, backquote or
 * redirection ends it (a file-descriptor number before `>` is dropped).
 */
export function shellWords(line: string, start = 0): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = start; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) word += line[++i];
      else word += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (TERMINATORS.has(ch)) {
      if (inWord && !(ch === '>' && /^\d+$/.test(word))) words.push(word);
      return words;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** One `enablex …` invocation found in an example line. */
interface Invocation {
  words: string[];
  /** Run through xargs, which appends arguments. */
  viaXargs: boolean;
}

/** Every `enablex` invocation in a line: `$(enablex …)`, `… | enablex …`, `xargs enablex …`. */
export function invocations(line: string, program = 'enablex'): Invocation[] {
  const found: Invocation[] = [];
  const re = new RegExp(`(^|[\\s|;&(\`])${program}(?=\\s|$)`, 'g');
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const start = m.index + m[0].length;
    const before = line.slice(0, m.index + m[1]!.length);
    found.push({ words: shellWords(line, start), viaXargs: /\bxargs(\s+-\S+)*\s*$/.test(before) });
  }
  return found;
}

/** Private commander state read by the test: whether a command runs anything itself. */
export function hasAction(cmd: Command): boolean {
  // Commander exposes no public getter for this; the field is stable across v9-v14.
  return Boolean((cmd as unknown as { _actionHandler?: unknown })._actionHandler);
}

function findOption(cmd: Command, name: string): Option | undefined {
  for (let c: Command | null = cmd; c; c = c.parent) {
    const helpFlags = c.createHelp().visibleOptions(c);
    const option = [...c.options, ...helpFlags].find((o) => o.long === name || o.short === name);
    if (option) return option;
  }
  return undefined;
}

/** The command path of an invocation, and every problem with it (unknown command, flag, arity). */
export function checkInvocation(program: Command, inv: Invocation): { path: string; problems: string[] } {
  const problems: string[] = [];
  const positionals: string[] = [];
  let cmd = program;
  const words = inv.words;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '--') {
      positionals.push(...words.slice(i + 1));
      break;
    }
    if (word.startsWith('-') && word !== '-') {
      const name = word.startsWith('--') ? word.split('=')[0]! : word.slice(0, 2);
      const option = findOption(cmd, name);
      if (!option) {
        problems.push(`${name} is not an option of "${commandPath(cmd)}" or a global one`);
        continue;
      }
      const inline = word.startsWith('--') ? word.includes('=') : word.length > 2;
      const next = words[i + 1];
      if (option.required && !inline) i++;
      else if (option.optional && !inline && next !== undefined && !next.startsWith('-')) i++;
      continue;
    }
    const sub = positionals.length === 0 ? cmd.commands.find((c) => c.name() === word) : undefined;
    if (sub) cmd = sub;
    else positionals.push(word);
  }
  const path = commandPath(cmd);
  if (cmd === program || !hasAction(cmd)) {
    problems.push(
      positionals.length
        ? `"${path} ${positionals[0]}" is not a command`
        : `"${path}" names no command that runs`,
    );
    return { path, problems };
  }
  const args = cmd.registeredArguments;
  const variadic = args.some((a) => a.variadic);
  if (!variadic && positionals.length > args.length) {
    problems.push(`"${path}" takes ${args.length} argument(s), the example gives ${positionals.length}`);
  }
  const required = args.filter((a) => a.required).length;
  if (!inv.viaXargs && positionals.length < required) {
    problems.push(`"${path}" needs ${required} argument(s), the example gives ${positionals.length}`);
  }
  return { path, problems };
}

/** `enablex room create` for a command. */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}
