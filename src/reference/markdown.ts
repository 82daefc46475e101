import { posix } from 'node:path';
import type { ArgSpec, CommandSpec, FlagSpec, Flags } from '../commands/spec.js';

/**
 * The command reference (docs/commands/), one Markdown page per command, written from the same
 * specs as the command tree and the completions. Hand-written detail that no spec holds (behaviour,
 * exit codes, tables of rules) lives in docs/commands/notes/<page>.md and is included in its page.
 * `npm run docs` writes the files; test/docs/reference.test.ts fails when they are stale.
 */

/** One generated file: its name under docs/commands/ and its text. */
export interface ReferencePage {
  readonly file: string;
  readonly text: string;
}

/** Hand-written partials by the page they belong to (`room-list.md`, `README.md` for the index). */
export type Partials = ReadonlyMap<string, string>;

/** Where the partials live, relative to the pages. */
export const PARTIALS_DIR = 'notes';

/** A command with the words that lead to it (`['room', 'list']`). */
interface Placed {
  readonly path: readonly string[];
  readonly spec: CommandSpec;
}

const GENERATED =
  '<!-- Generated from the command specs (src/commands) by `npm run docs`: do not edit. Hand-written detail: docs/commands/notes/. -->';

/** Every command of the tree that is shown (hidden ones and their subcommands left out), depth first. */
function visible(specs: readonly CommandSpec[], path: readonly string[] = []): Placed[] {
  return specs
    .filter((s) => s.hidden !== true)
    .flatMap((spec) => {
      const here = [...path, spec.name];
      return [{ path: here, spec }, ...visible(spec.subcommands ?? [], here)];
    });
}

/** The page of a command: `room-list.md`; a noun alone: `room.md`. */
export function pageName(path: readonly string[]): string {
  return `${path.join('-')}.md`;
}

/** Markdown table cell text: pipes escaped, line breaks as spaces. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/**
 * Help text as Markdown prose: `<count>` would be read as an HTML tag and vanish, a `*` could start
 * emphasis; code spans the generator adds itself are not passed through here.
 */
function prose(text: string): string {
  return text.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\*/g, '\\*');
}

const code = (text: string): string => `\`${text}\``;
const sentence = (text: string): string => {
  const t = text.trim();
  return `${t.charAt(0).toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
};

/** The long name of a flag: `output` from `-o, --output <format>`. */
function longName(flag: FlagSpec): string | undefined {
  return /--([\w-]+)/.exec(flag.flags)?.[1];
}

/** What a flag's help does not say in its description: required, choices, default, repeatable, negation. */
function flagDetails(flag: FlagSpec): string {
  const notes: string[] = [];
  if (flag.mandatory) notes.push('required');
  else if (flag.requiredUnless) notes.push(`required unless ${flag.requiredUnless}`);
  if (flag.choices) notes.push(`one of ${flag.choices.map(code).join(', ')} (any case)`);
  if (flag.defaultValue !== undefined) notes.push(`default ${code(flag.defaultValue)}`);
  if (flag.repeatable) notes.push('repeatable');
  const long = longName(flag);
  if (flag.negatable && long) notes.push(`${code(`--no-${long}`)} turns it off`);
  return notes.join('; ');
}

function flagTable(flags: Flags): string[] {
  // Required flags first, as help lists them.
  const shown = Object.values(flags).filter((f) => f.hidden !== true);
  // As in help: required flags first, those needed unless something else stands in included.
  const required = (f: FlagSpec) => f.mandatory === true || f.requiredUnless !== undefined;
  const ordered = [...shown.filter(required), ...shown.filter((f) => !required(f))];
  if (ordered.length === 0) return [];
  return [
    '| Flag | What it does | Value |',
    '| --- | --- | --- |',
    ...ordered.map(
      (f) => `| ${cell(code(f.flags))} | ${cell(prose(f.description))} | ${cell(flagDetails(f))} |`,
    ),
  ];
}

function argTable(args: readonly ArgSpec[]): string[] {
  if (args.length === 0) return [];
  return [
    '| Argument | What it is |',
    '| --- | --- |',
    ...args.map((a) => {
      const choices = a.choices ? ` (one of ${a.choices.map(code).join(', ')})` : '';
      const more = a.name.endsWith('...>') || a.name.endsWith('...]') ? ' (one or more)' : '';
      return `| ${cell(code(a.name))} | ${cell(prose(a.description) + choices + more)} |`;
    }),
  ];
}

/** The usage lines: `enablex token <room-id> --name <name> --user-ref <ref> [options]`. */
function usage(path: readonly string[], spec: CommandSpec): string[] {
  const words = ['enablex', ...path].join(' ');
  const lines: string[] = [];
  if (spec.load) {
    const args = Object.values(spec.args ?? {}).map((a) => a.name);
    const required = Object.values(spec.flags ?? {})
      .filter((f) => f.mandatory && f.hidden !== true)
      .map((f) => f.flags.replace(/^-\w,\s*/, ''));
    lines.push([words, ...args, ...required, '[options]'].join(' '));
  }
  if (spec.subcommands?.some((s) => s.hidden !== true)) lines.push(`${words} <command> [options]`);
  return lines;
}

/** Relative links of a partial (written from docs/commands/notes/) made relative to its page. */
export function rebaseLinks(markdown: string): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      if (fenced) return line;
      return line.replace(/\]\(([^)\s]+)\)/g, (whole, target: string) => {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) return whole;
        const rebased = posix.normalize(posix.join(PARTIALS_DIR, target));
        return `](${rebased})`;
      });
    })
    .join('\n');
}

/** A spec's help text (about, notes) without a `Notes:` title (the page has a heading) and its indent. */
function notesText(notes: string): string {
  const lines = notes.replace(/^\n+|\s+$/g, '').split('\n');
  if (/^(Notes|Description):$/.test(lines[0]?.trim() ?? '')) lines.shift();
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)?.[0].length ?? 0));
  return lines.map((l) => l.slice(indent)).join('\n');
}

function examples(spec: CommandSpec): string[] {
  if (!spec.examples?.length) return [];
  const lines = ['## Examples', '', '```sh'];
  spec.examples.forEach(([comment, command], i) => {
    if (i > 0) lines.push('');
    lines.push(`# ${comment}`, command);
  });
  return [...lines, '```', ''];
}

function page(placed: Placed, all: readonly Placed[], partials: Partials): ReferencePage {
  const { path, spec } = placed;
  const file = pageName(path);
  const lines: string[] = [
    GENERATED,
    '',
    `# \`enablex ${path.join(' ')}\``,
    '',
    prose(sentence(spec.summary)),
    '',
    '```text',
    ...usage(path, spec),
    '```',
    '',
  ];
  if (path.length > 1) {
    const parent = path.slice(0, -1);
    lines.push(`Part of [\`enablex ${parent.join(' ')}\`](${pageName(parent)}).`, '');
  }
  if (spec.about?.trim()) lines.push('## Description', '', '```text', notesText(spec.about), '```', '');
  const args = argTable(Object.values(spec.args ?? {}));
  if (args.length) lines.push('## Arguments', '', ...args, '');
  const flags = flagTable(spec.flags ?? {});
  if (flags.length) lines.push('## Flags', '', ...flags, '');
  if (spec.load)
    lines.push(
      `${flags.length ? 'It also takes' : 'It takes'} the [global options](README.md#global-options) (\`-o\`, \`--fields\`, \`-q\`, \`--profile\`, …).`,
      '',
    );
  if (spec.columns?.length) {
    lines.push(
      '## Table columns',
      '',
      `As a table it shows ${spec.columns.map(code).join(', ')}; \`--fields\` picks others, \`-o json\` shows every field.`,
      '',
    );
  }
  const subs = all.filter((p) => p.path.length === path.length + 1 && path.every((w, i) => p.path[i] === w));
  if (subs.length) {
    lines.push(
      '## Commands',
      '',
      '| Command | What it does |',
      '| --- | --- |',
      ...subs.map(
        (s) => `| [\`enablex ${s.path.join(' ')}\`](${pageName(s.path)}) | ${cell(prose(s.spec.summary))} |`,
      ),
      '',
    );
  }
  lines.push(...examples(spec));
  if (spec.notes?.trim()) {
    lines.push('## Notes', '', '```text', notesText(spec.notes), '```', '');
  }
  const partial = partials.get(file);
  if (partial?.trim()) lines.push('## Details', '', rebaseLinks(partial.trim()), '');
  lines.push(
    'See also: [all commands](README.md), [global options](README.md#global-options), [exit codes](../../README.md#exit-codes).',
    '',
  );
  return { file, text: lines.join('\n') };
}

/** The index page: every command with its summary, the global options, and the hand-written part. */
function index(all: readonly Placed[], globals: Flags, partials: Partials): ReferencePage {
  const lines = [
    GENERATED,
    '',
    '# Command reference',
    '',
    'One page per command, generated from the same declarations as `--help` and the shell completions.',
    '`enablex <command> --help` shows the same flags, and `enablex <noun> help <verb>` works as',
    '`enablex <noun> <verb> --help` does. Usage notation: `<required>`, `[optional]`, `...` one or more.',
    '',
    '| Command | What it does |',
    '| --- | --- |',
    ...all.map((p) => {
      const args = Object.values(p.spec.args ?? {}).map((a) => ` ${a.name}`);
      return `| [\`enablex ${p.path.join(' ')}${args.join('')}\`](${pageName(p.path)}) | ${cell(prose(p.spec.summary))} |`;
    }),
    '',
    '## Global options',
    '',
    'Every command takes these, before or after its own words.',
    '',
    ...flagTable(globals),
    '',
  ];
  const partial = partials.get('README.md');
  if (partial?.trim()) lines.push(rebaseLinks(partial.trim()), '');
  lines.push('Exit codes: [README](../../README.md#exit-codes).', '');
  return { file: 'README.md', text: lines.join('\n') };
}

/** Every page of the reference, the index first. */
export function referencePages(
  commands: readonly CommandSpec[],
  globals: Flags,
  partials: Partials = new Map(),
): ReferencePage[] {
  const all = visible(commands);
  return [index(all, globals, partials), ...all.map((p) => page(p, all, partials))];
}
