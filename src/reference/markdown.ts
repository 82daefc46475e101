import type { ArgSpec, CommandSpec, FlagSpec, Flags } from '../commands/spec.js';

/**
 * The command reference (docs/commands/), one Markdown page per command, written from the same
 * specs as the command tree and the completions. `npm run docs` writes the files; a test fails
 * when they are stale.
 */

/** One generated file: its name under docs/commands/ and its text. */
export interface ReferencePage {
  file: string;
  text: string;
}

/** A command with the words that lead to it (`['room', 'list']`). */
interface Placed {
  path: readonly string[];
  spec: CommandSpec;
}

/** Every command of the tree that is shown (hidden ones left out), depth first. */
function visible(specs: readonly CommandSpec[], path: readonly string[] = []): Placed[] {
  return specs
    .filter((s) => !s.hidden)
    .flatMap((spec) => {
      const here = [...path, spec.name];
      return [{ path: here, spec }, ...visible(spec.subcommands ?? [], here)];
    });
}

/** The page of a command: `room-list.md`. */
export function pageName(path: readonly string[]): string {
  return `${path.join('-')}.md`;
}

/** Markdown table cell text: pipes escaped, line breaks as spaces. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** `--output <format>` and `-o` from `-o, --output <format>`. */
function flagTitle(flag: FlagSpec): string {
  return flag.flags
    .split(/,\s*/)
    .map((part) => `\`${part}\``)
    .join(', ');
}

/** What help says after a flag's description: required, choices, default, repeatable. */
function flagNotes(flag: FlagSpec): string {
  const notes: string[] = [];
  if (flag.mandatory) notes.push('required');
  if (flag.choices) notes.push(`one of: ${flag.choices.map((c) => `\`${c}\``).join(', ')}`);
  if (flag.defaultValue !== undefined) notes.push(`default: \`${flag.defaultValue}\``);
  if (flag.repeatable && !/repeatable/i.test(flag.description)) notes.push('repeatable');
  if (flag.negatable) notes.push(`\`--no-${flag.flags.replace(/^.*--/, '').split(' ')[0]}\` turns it off`);
  return notes.length ? ` (${notes.join('; ')})` : '';
}

function flagTable(flags: Flags): string[] {
  const shown = Object.values(flags).filter((f) => !f.hidden);
  if (shown.length === 0) return [];
  return [
    '| Flag | What it does |',
    '| --- | --- |',
    ...shown.map((f) => `| ${flagTitle(f)} | ${cell(f.description + flagNotes(f))} |`),
  ];
}

function argTable(args: readonly ArgSpec[]): string[] {
  if (args.length === 0) return [];
  return [
    '| Argument | What it is |',
    '| --- | --- |',
    ...args.map((a) => {
      const choices = a.choices ? ` (one of: ${a.choices.map((c) => `\`${c}\``).join(', ')})` : '';
      return `| \`${a.name}\` | ${cell(a.description + choices)} |`;
    }),
  ];
}

/** The usage line: `enablex room get [flags] <room-id>`. */
function usage(path: readonly string[], spec: CommandSpec): string {
  const args = Object.values(spec.args ?? {}).map((a) => a.name);
  const words = ['enablex', ...path];
  if (spec.subcommands?.length && !spec.load) words.push('<command>');
  else words.push('[flags]', ...args);
  return words.join(' ');
}

function page(placed: Placed, all: readonly Placed[]): ReferencePage {
  const { path, spec } = placed;
  const title = `enablex ${path.join(' ')}`;
  const lines: string[] = [
    '<!-- Generated from the command specs by `npm run docs`: edit src/commands, not this file. -->',
    '',
    `# \`${title}\``,
    '',
    `${spec.summary.charAt(0).toUpperCase()}${spec.summary.slice(1)}.`,
    '',
    '```',
    usage(path, spec),
    '```',
    '',
  ];
  const args = argTable(Object.values(spec.args ?? {}));
  if (args.length) lines.push('## Arguments', '', ...args, '');
  const flags = flagTable(spec.flags ?? {});
  if (flags.length) lines.push('## Flags', '', ...flags, '');
  if (spec.load) {
    lines.push('Every command also takes the [global flags](README.md#global-flags).', '');
  }
  if (spec.columns?.length) {
    lines.push(
      '## Table columns',
      '',
      `As a table it shows ${spec.columns.map((c) => `\`${c}\``).join(', ')}; \`--fields\` picks others, \`-o json\` shows every field.`,
      '',
    );
  }
  const subs = all.filter(
    (p) => p.path.length === path.length + 1 && p.path.join(' ').startsWith(`${path.join(' ')} `),
  );
  if (subs.length) {
    lines.push(
      '## Commands',
      '',
      ...subs.map((s) => `- [\`enablex ${s.path.join(' ')}\`](${pageName(s.path)}): ${s.spec.summary}`),
      '',
    );
  }
  if (spec.examples?.length) {
    lines.push('## Examples', '', '```sh');
    spec.examples.forEach(([comment, command], i) => {
      if (i > 0) lines.push('');
      lines.push(`# ${comment}`, command);
    });
    lines.push('```', '');
  }
  if (spec.notes?.trim()) {
    lines.push('## Notes', '', '```text', spec.notes.trim(), '```', '');
  }
  lines.push('See also: [all commands](README.md), [exit codes](../../README.md#exit-codes).', '');
  return { file: pageName(path), text: lines.join('\n') };
}

/** The index page: every command with its summary, and the global flags. */
function index(all: readonly Placed[], globals: Flags): ReferencePage {
  const lines = [
    '<!-- Generated from the command specs by `npm run docs`: edit src/commands, not this file. -->',
    '',
    '# Command reference',
    '',
    'One page per command, generated from the same declarations as `--help` and the shell completions.',
    '',
    '| Command | What it does |',
    '| --- | --- |',
    ...all.map((p) => `| [\`enablex ${p.path.join(' ')}\`](${pageName(p.path)}) | ${cell(p.spec.summary)} |`),
    '',
    '## Global flags',
    '',
    'Every command takes these, before or after its own words.',
    '',
    ...flagTable(globals),
    '',
  ];
  return { file: 'README.md', text: lines.join('\n') };
}

/** Every page of the reference, the index first. */
export function referencePages(commands: readonly CommandSpec[], globals: Flags): ReferencePage[] {
  const all = visible(commands);
  return [index(all, globals), ...all.map((p) => page(p, all))];
}
