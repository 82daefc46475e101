import { createRequire } from 'node:module';
import type TableType from 'cli-table3';
import type * as Yaml from 'yaml';
import { columnsOf, flatten, getPath, pickPaths, type FlatRow } from './flatten.js';
import { csvLine } from './csv.js';

const require = createRequire(import.meta.url);

/** cli-table3 is loaded only for table output, to keep start-up fast. */
function newTable(options: TableType.TableConstructorOptions): TableType.Table {
  const Table = require('cli-table3') as typeof TableType;
  return new Table(options);
}

/** YAML is loaded only when asked for, to keep start-up fast. */
function yamlStringify(value: unknown): string {
  return (require('yaml') as typeof Yaml).stringify(value);
}

/** The output formats of `-o`. */
export const FORMATS = ['table', 'json', 'yaml', 'csv', 'ndjson'] as const;
/** One output format. */
export type Format = (typeof FORMATS)[number];

/** How to render one result. */
export interface RenderOptions {
  format: Format;
  /** `--fields`: dotted paths to keep, in order. */
  fields?: readonly string[] | undefined;
  /** Columns a table shows by default (lists only); csv/json show everything unless --fields. */
  tableColumns?: readonly string[] | undefined;
  /** Terminal width for tables. */
  width?: number | undefined;
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function project(row: FlatRow, columns: readonly string[], source: unknown): unknown[] {
  return columns.map((c) => (c in row ? row[c] : getPath(source, c)));
}

/** Renders a list or a single object in any format, as a string ending in a newline (or empty). */
export function render(data: unknown, opts: RenderOptions): string {
  const isList = Array.isArray(data);
  const items: unknown[] = isList ? (data as unknown[]) : [data];
  const fields = opts.fields && opts.fields.length ? opts.fields : undefined;
  switch (opts.format) {
    case 'json': {
      const shaped = fields ? items.map((i) => pickPaths(i, fields)) : items;
      return JSON.stringify(isList ? shaped : shaped[0], null, 2) + '\n';
    }
    case 'yaml': {
      const shaped = fields ? items.map((i) => pickPaths(i, fields)) : items;
      return yamlStringify(isList ? shaped : shaped[0]);
    }
    case 'ndjson': {
      const shaped = fields ? items.map((i) => pickPaths(i, fields)) : items;
      return shaped.map((i) => JSON.stringify(i) + '\n').join('');
    }
    case 'csv': {
      const rows = items.map((i) => flatten(i));
      // The command's usual columns lead, in their order, so the CSV layout does not depend on which
      // record happens to come first; they also give an empty list its header row.
      const columns = fields ?? leadWith(opts.tableColumns ?? [], columnsOf(rows), rows.length === 0);
      if (columns.length === 0) return '';
      return csvLine(columns) + rows.map((r, idx) => csvLine(project(r, columns, items[idx]))).join('');
    }
    case 'table': {
      const rows = items.map((i) => flatten(i));
      if (!isList) {
        const entries = fields
          ? fields.map((f) => [f, f in rows[0]! ? rows[0]![f] : getPath(data, f)] as const)
          : Object.entries(rows[0] ?? {});
        const keyWidth = Math.max(0, ...entries.map(([k]) => k.length));
        const valueWidth = opts.width && opts.width > keyWidth + 20 ? opts.width - keyWidth - 2 : undefined;
        const table = newTable({ ...BORDERLESS, wordWrap: true, colWidths: [keyWidth, valueWidth ?? null] });
        for (const [k, v] of entries) table.push([k, cell(v)]);
        return trimLines(table.toString());
      }
      if (rows.length === 0) return '';
      const columns = fields ?? opts.tableColumns ?? columnsOf(rows);
      const body = rows.map((r, idx) => project(r, columns, items[idx]).map(cell));
      const fitted = fitToWidth([...columns], body, opts.width);
      const table = newTable({ ...BORDERLESS, head: fitted.head });
      for (const line of fitted.body) table.push(line);
      return trimLines(table.toString());
    }
  }
}

/** `lead` columns first (those present, or all of them when `always`), then the others in order. */
function leadWith(lead: readonly string[], all: readonly string[], always: boolean): string[] {
  const first = always ? [...lead] : lead.filter((c) => all.includes(c));
  return [...first, ...all.filter((c) => !first.includes(c))];
}

const GAP = 2;
const MIN_COLUMN = 8;

/**
 * Shrinks a table to the terminal width (when there is one) the way gh does: the widest columns
 * give way first and their cells end in "…"; id columns are never cut, since people copy them.
 * Piped output (no width) keeps every character.
 */
export function fitToWidth(
  head: string[],
  body: string[][],
  width: number | undefined,
): { head: string[]; body: string[][] } {
  const measure = (names: string[]) =>
    names.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const total = () => widths.reduce((a, b) => a + b, 0) + GAP * (head.length - 1);
  let widths = measure(head);
  if (!width || total() <= width) return { head, body };
  // Too wide: first show `settings.mode` as `mode` (when the short name is unique), then cut cells.
  const short = head.map((h) => h.slice(h.lastIndexOf('.') + 1));
  head = short.map((name, i) => (short.indexOf(name) === short.lastIndexOf(name) ? name : head[i]!));
  widths = measure(head);
  const shrinkable = (i: number) => !/(^|[._])id$/.test(head[i] ?? '') && (widths[i] ?? 0) > MIN_COLUMN;
  while (total() > width) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++)
      if (shrinkable(i) && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    if (widest < 0) break;
    widths[widest]! -= 1;
  }
  const cut = (text: string, w: number) => (text.length > w ? `${text.slice(0, Math.max(1, w - 1))}…` : text);
  return {
    head: head.map((h, i) => cut(h, widths[i]!)),
    body: body.map((row) => row.map((c, i) => cut(c, widths[i]!))),
  };
}

/** Plain tables in the style of gh and kubectl: a header row, two spaces between columns, no rules. */
const BORDERLESS: TableType.TableConstructorOptions = {
  chars: {
    top: '',
    'top-mid': '',
    'top-left': '',
    'top-right': '',
    bottom: '',
    'bottom-mid': '',
    'bottom-left': '',
    'bottom-right': '',
    left: '',
    'left-mid': '',
    mid: '',
    'mid-mid': '',
    right: '',
    'right-mid': '',
    middle: '  ',
  },
  style: { 'padding-left': 0, 'padding-right': 0, head: [], border: [] },
};

function trimLines(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n') + '\n'
  );
}
