import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { GLOBAL_FLAGS } from '../../src/commands/global-flags.js';
import { COMMANDS } from '../../src/commands/index.js';
import {
  arg,
  bool,
  choice,
  choiceWithDefault,
  defineCommand,
  list,
  required,
  text,
  textWithDefault,
  variadicArg,
} from '../../src/commands/spec.js';
import { orphanPartials, readPages, readPartials, writePages } from '../../src/reference/files.js';
import { pageName, rebaseLinks, referencePages, type ReferencePage } from '../../src/reference/markdown.js';

const DOCS = join(import.meta.dirname, '..', '..', 'docs', 'commands');
const FIX = 'run `npm run docs` and commit docs/commands/';

/** The reference as `npm run docs` writes it, from the source specs and the committed partials. */
function generated(): ReferencePage[] {
  return referencePages(COMMANDS, GLOBAL_FLAGS, readPartials(DOCS));
}

/** Where a committed page first differs from the generated one, in words. */
function staleness(actual: string, expected: string): string {
  const a = actual.split('\n');
  const e = expected.split('\n');
  const line = e.findIndex((l, i) => a[i] !== l);
  const at = line === -1 ? Math.min(a.length, e.length) : line;
  return `stale from line ${at + 1} (committed: ${JSON.stringify(a[at] ?? '')}, expected: ${JSON.stringify(e[at] ?? '')})`;
}

describe('committed reference (docs/commands/)', () => {
  it('says which flags are required unless something else stands in, as help does', () => {
    const create = generated().find((p) => p.file === 'room-create.md');
    expect(create?.text).toContain('| `--name <name>` | room name | required unless -f or -i |');
  });

  it('is exactly what the specs and partials give: no page stale, missing or extra', () => {
    const pages = generated();
    const committed = readPages(DOCS);
    const problems: string[] = [];
    for (const p of pages) {
      const actual = committed.get(p.file);
      if (actual === undefined) problems.push(`docs/commands/${p.file} is missing`);
      else if (actual !== p.text) problems.push(`docs/commands/${p.file} is ${staleness(actual, p.text)}`);
    }
    const wanted = new Set(pages.map((p) => p.file));
    for (const file of committed.keys()) {
      if (!wanted.has(file)) problems.push(`docs/commands/${file} is not a command's page any more`);
    }
    expect(problems, `${problems.join('\n')}\n${FIX}`).toEqual([]);
  });

  it('includes every hand-written partial in a page (none left for a renamed or missing command)', () => {
    const orphans = orphanPartials(generated(), readPartials(DOCS));
    expect(
      orphans,
      `docs/commands/notes/{${orphans.join(',')}} match no generated page: declare the command as a spec ` +
        'in src/commands/index.ts, or rename the partial after its command (<noun>-<verb>.md)',
    ).toEqual([]);
  });

  it('has a page for every command the help shows, from the specs listed in COMMANDS, in help order', () => {
    const program = buildProgram(() => async () => undefined, '0.0.0');
    const shown = program.commands.map((c) => c.name());
    const names = COMMANDS.map((c) => c.name);
    expect(names.length).toBeGreaterThan(0);
    expect(shown.filter((n) => names.includes(n))).toEqual(names);
    const files = new Set(generated().map((p) => p.file));
    for (const c of COMMANDS) expect(files.has(pageName([c.name]))).toBe(c.hidden !== true);
  });
});

/** A small tree with every kind of flag, argument and command the generator handles. */
const room = defineCommand({
  name: 'room',
  summary: 'manage rooms',
  subcommands: [
    defineCommand({
      name: 'list',
      summary: 'list rooms',
      flags: {
        owner: required('--owner-ref <ref>', 'owner | reference'),
        mode: choice('--mode <mode>', 'only this mode', ['group', 'lecture']),
        sort: choiceWithDefault('--sort-by <field>', 'order', ['name', 'created'], 'name'),
        limit: textWithDefault('--limit <n>', 'at most <n> ("*": all)', '50'),
        data: list('--data <key=value>', 'custom data'),
        knock: bool('--knock', 'knock first', { negatable: true }),
        secret: text('--secret <s>', 'internal only', { hidden: true }),
      },
      about: '\nWhat it does, in more words.\n',
      columns: ['room_id', 'name'],
      examples: [['every room', 'enablex room list']],
      notes: '\nNotes:\n  filtered on the client\n    second line\n',
      load: async () => ({ run: async () => undefined }),
    }),
    defineCommand({
      name: 'delete',
      summary: 'delete rooms',
      args: { ids: variadicArg('<room-id...>', 'rooms to delete') },
      load: async () => ({ run: async () => undefined }),
    }),
    defineCommand({ name: 'internal', summary: 'not for users', hidden: true }),
  ],
});
const cdr = defineCommand({
  name: 'cdr',
  summary: 'export records',
  args: { shell: arg('<kind>', 'which kind', { choices: ['a', 'b'] }) },
  load: async () => ({ run: async () => undefined }),
  subcommands: [defineCommand({ name: 'summary', summary: 'minutes by room' })],
});

describe('referencePages', () => {
  const partials = new Map([
    [
      'room-list.md',
      '### Filters\n\nSee [rooms by name](../README.md#rooms-by-name) and [Files](../../security.md#files).\n\n```sh\n[not](a-link.md)\n```\n',
    ],
    ['README.md', '## Output\n\nData goes to stdout.\n'],
  ]);
  const pages = referencePages([room, cdr], GLOBAL_FLAGS, partials);
  const byFile = new Map(pages.map((p) => [p.file, p.text]));
  const list = byFile.get('room-list.md') ?? '';

  it('writes the index first, then one page per visible command, hidden ones left out', () => {
    expect(pages.map((p) => p.file)).toEqual([
      'README.md',
      'room.md',
      'room-list.md',
      'room-delete.md',
      'cdr.md',
      'cdr-summary.md',
    ]);
  });

  it('gives a title, the summary as a sentence, the usage with required flags and the parent', () => {
    expect(list).toContain('# `enablex room list`\n\nList rooms.\n');
    expect(list).toContain('```text\nenablex room list --owner-ref <ref> [options]\n```');
    expect(list).toContain('Part of [`enablex room`](room.md).');
    expect(byFile.get('room-delete.md')).toContain('enablex room delete <room-id...> [options]');
    expect(byFile.get('room.md')).toContain('enablex room <command> [options]');
    expect(byFile.get('cdr.md')).toContain(
      '```text\nenablex cdr <kind> [options]\nenablex cdr <command> [options]\n```',
    );
  });

  it('tables the flags with required first and their values; hidden flags left out', () => {
    const rows = list.split('\n').filter((l) => l.startsWith('| `-'));
    expect(rows[0]).toBe('| `--owner-ref <ref>` | owner \\| reference | required |');
    expect(list).toContain('| `--mode <mode>` | only this mode | one of `group`, `lecture` (any case) |');
    expect(list).toContain('one of `name`, `created` (any case); default `name`');
    expect(list).toContain('| `--limit <n>` | at most &lt;n&gt; ("\\*": all) | default `50` |');
    expect(list).toContain('| `--data <key=value>` | custom data | repeatable |');
    expect(list).toContain('| `--knock` | knock first | `--no-knock` turns it off |');
    expect(list).not.toContain('--secret');
  });

  it('tables the arguments with their choices', () => {
    expect(byFile.get('cdr.md')).toContain('| `<kind>` | which kind (one of `a`, `b`) |');
    expect(byFile.get('room-delete.md')).toContain('| `<room-id...>` | rooms to delete (one or more) |');
  });

  it('shows columns, examples, notes, subcommands and links to global options and exit codes', () => {
    expect(list).toContain('As a table it shows `room_id`, `name`;');
    expect(list).toContain('## Examples\n\n```sh\n# every room\nenablex room list\n```');
    expect(list).toContain('## Description\n\n```text\nWhat it does, in more words.\n```');
    expect(list).toContain('## Notes\n\n```text\nfiltered on the client\n  second line\n```');
    expect(list).toContain('[global options](README.md#global-options)');
    expect(list).toContain('[exit codes](../../README.md#exit-codes)');
    const noun = byFile.get('room.md') ?? '';
    expect(noun).toContain('| [`enablex room list`](room-list.md) | list rooms |');
    expect(noun).toContain('| [`enablex room delete`](room-delete.md) | delete rooms |');
    expect(noun).not.toContain('internal');
    expect(noun).not.toMatch(/takes the \[global options\]/);
    expect(list).toContain('It also takes the [global options](README.md#global-options)');
  });

  it('includes the partial under Details, its links made relative to the page', () => {
    expect(list).toContain(
      '## Details\n\n### Filters\n\nSee [rooms by name](README.md#rooms-by-name) and [Files](../security.md#files).',
    );
    expect(list).toContain('[not](a-link.md)');
    expect(byFile.get('room-delete.md')).not.toContain('## Details');
  });

  it('indexes every visible command with its arguments, the global options and the index partial', () => {
    const index = byFile.get('README.md') ?? '';
    expect(index).toContain('| [`enablex room delete <room-id...>`](room-delete.md) | delete rooms |');
    expect(index).toContain('| [`enablex cdr summary`](cdr-summary.md) | minutes by room |');
    expect(index).not.toContain('internal');
    expect(index).toContain('## Global options');
    expect(index).toContain('| `--timeout <seconds>` | per-request timeout in seconds | default `30` |');
    expect(index).toContain('## Output\n\nData goes to stdout.');
  });

  it('is the same text every time (stable output)', () => {
    expect(referencePages([room, cdr], GLOBAL_FLAGS, partials)).toEqual(pages);
  });
});

describe('rebaseLinks', () => {
  it('moves relative links up from notes/ and leaves anchors, URLs and code alone', () => {
    expect(rebaseLinks('[a](../room.md) [b](../../x.md#y) [c](#here) [d](https://e.io) [e](f.md)')).toBe(
      '[a](room.md) [b](../x.md#y) [c](#here) [d](https://e.io) [e](notes/f.md)',
    );
    expect(rebaseLinks('```\n[a](../room.md)\n```')).toBe('```\n[a](../room.md)\n```');
  });
});

describe('writePages', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes changed pages, removes pages of commands gone, keeps the partials, and is idempotent', () => {
    dir = mkdtempSync(join(tmpdir(), 'enablex-docs-'));
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'notes', 'room.md'), 'kept');
    writeFileSync(join(dir, 'old-verb.md'), 'gone');
    writeFileSync(join(dir, 'b.md'), 'B');
    const pages = [
      { file: 'a.md', text: 'A' },
      { file: 'b.md', text: 'B' },
    ];
    expect(writePages(dir, pages)).toEqual({ written: ['a.md'], removed: ['old-verb.md'] });
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('A');
    expect(existsSync(join(dir, 'old-verb.md'))).toBe(false);
    expect(readFileSync(join(dir, 'notes', 'room.md'), 'utf8')).toBe('kept');
    expect(writePages(dir, pages)).toEqual({ written: [], removed: [] });
    expect(orphanPartials(pages, readPartials(dir))).toEqual(['room.md']);
  });
});
