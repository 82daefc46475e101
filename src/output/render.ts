import { columnsOf, flatten, getPath, pickPaths, type FlatRow } from './flatten.js';
import { csvLine, type CsvOptions } from './csv.js';
import { cellText } from './cell.js';
import type { Format } from './formats.js';
import { jsonTerminalSafe, terminalSafe } from './escape.js';
import { yamlStringify } from './yaml.js';
import { fitToWidth, headerNames } from './fit.js';
import { padToWidth, textWidth, wrapToWidth } from './width.js';

/** How to render one result. */
interface RenderOptions {
  format: Format;
  /** `--fields`: dotted paths to keep, in order. */
  fields?: readonly string[] | undefined;
  /** Columns a table shows by default (lists only); csv/json show everything unless --fields. */
  tableColumns?: readonly string[] | undefined;
  /** Terminal width for tables. */
  width?: number | undefined;
  /** A table column that wraps on a narrow terminal instead of being cut (messages). */
  wrap?: string | undefined;
  /** CSV cells: formulas neutralised unless `neutralise: false`; escaped when `terminal`. */
  csv?: CsvOptions | undefined;
  /** Table colours the CLI adds to a column, applied after the cell is escaped. */
  styles?: Readonly<Record<string, (text: string) => string>> | undefined;
  /** A table column never cut nor hidden on a narrow terminal (the `-q` id); `…id` columns never are. */
  keep?: string | undefined;
  /** Table columns a narrow terminal hides first, in order; default: from the right. */
  hideFirst?: readonly string[] | undefined;
  /** Told the headers of the table columns hidden to fit the terminal. */
  onHidden?: ((headers: readonly string[], width: number) => void) | undefined;
}

/** A value as a table cell: server text never reaches the terminal as control characters. */
const cell = (v: unknown): string => cellText(v);

function project(row: FlatRow, columns: readonly string[], source: unknown): unknown[] {
  return columns.map((c) => (Object.hasOwn(row, c) ? row[c] : getPath(source, c)));
}

/** Renders a list or a single object in any format, as a string ending in a newline (or empty). */
export function render(data: unknown, opts: RenderOptions): string {
  const isList = Array.isArray(data);
  const items: unknown[] = isList ? (data as unknown[]) : [data];
  const fields = opts.fields && opts.fields.length ? opts.fields : undefined;
  switch (opts.format) {
    case 'json': {
      const shaped = fields ? items.map((i) => pickPaths(i, fields)) : items;
      return jsonTerminalSafe(JSON.stringify(isList ? shaped : shaped[0], null, 2)) + '\n';
    }
    case 'yaml': {
      const shaped = fields ? items.map((i) => pickPaths(i, fields)) : items;
      return yamlStringify(isList ? shaped : shaped[0]);
    }
    case 'ndjson': {
      const shaped = fields ? items.map((i) => pickPaths(i, fields)) : items;
      return shaped.map((i) => jsonTerminalSafe(JSON.stringify(i)) + '\n').join('');
    }
    case 'csv': {
      const rows = items.map((i) => flatten(i));
      // The command's usual columns lead, in their order, so the CSV layout does not depend on which
      // record happens to come first; they also give an empty list its header row.
      const columns = fields ?? leadWith(opts.tableColumns ?? [], columnsOf(rows), rows.length === 0);
      if (columns.length === 0) return '';
      const csv = opts.csv;
      return (
        csvLine(columns, csv) + rows.map((r, idx) => csvLine(project(r, columns, items[idx]), csv)).join('')
      );
    }
    case 'table': {
      const rows = items.map((i) => flatten(i));
      if (!isList) {
        const entries = fields
          ? fields.map((f) => [f, Object.hasOwn(rows[0]!, f) ? rows[0]![f] : getPath(data, f)] as const)
          : Object.entries(rows[0] ?? {});
        if (entries.length === 0) return '\n';
        const keys = entries.map(([k]) => terminalSafe(k));
        const keyWidth = Math.max(0, ...keys.map(textWidth));
        const valueWidth = opts.width && opts.width > keyWidth + 20 ? opts.width - keyWidth - 2 : undefined;
        const pairs = entries.map(([, v], i) => [keys[i]!, lines(wrapCell(cell(v), valueWidth))]);
        return columnsText(pairs[0]!, pairs.slice(1));
      }
      if (rows.length === 0) return '';
      const columns = fields ?? opts.tableColumns ?? columnsOf(rows);
      const style = (c: string, text: string) => opts.styles?.[c]?.(text) ?? text;
      const body = rows.map((r, idx) =>
        project(r, columns, items[idx]).map((v, i) => style(columns[i]!, cell(v))),
      );
      const keep = columns.flatMap((c, i) => (c === opts.keep || /(^|[._])id$/.test(c) ? [i] : []));
      const hideFirst = opts.hideFirst?.map((c) => columns.indexOf(c)).filter((i) => i >= 0);
      const fitted = fitToWidth(
        headerNames(columns).map(terminalSafe),
        body,
        opts.width,
        opts.wrap ? columns.indexOf(opts.wrap) : -1,
        keep,
        hideFirst && [
          ...hideFirst,
          ...columns
            .map((_, i) => i)
            .reverse()
            .filter((i) => !hideFirst.includes(i)),
        ],
      );
      if (fitted.hidden.length && opts.width) opts.onHidden?.(fitted.hidden, opts.width);
      if (!fitted.colWidths) return columnsText(fitted.head, fitted.body);
      // One column wraps (on spaces, by display columns); every column keeps its fitted width.
      const colWidths = fitted.colWidths;
      const fixed = (row: readonly string[]) =>
        row.map((text, i) => wrapCell(text, colWidths[i]).map((l) => padToWidth(l, colWidths[i]!)));
      return columnsText(
        fixed(fitted.head).map(lines),
        fitted.body.map(fixed).map((r) => r.map(lines)),
      );
    }
  }
}

/** `lead` columns first (those present, or all of them when `always`), then the others in order. */
function leadWith(lead: readonly string[], all: readonly string[], always: boolean): string[] {
  const first = always ? [...lead] : lead.filter((c) => all.includes(c));
  return [...first, ...all.filter((c) => !first.includes(c))];
}

const GAP = 2;

/**
 * A borderless table as cli-table3 draws it with no borders and no padding (same text, a hundred times faster for a
 * long list): each column as wide as its widest line, two spaces between columns, a cell of several
 * lines makes its row that tall, trailing spaces trimmed.
 * @internal Exported for its table test: the rule itself is what the test checks.
 */
export function columnsText(head: readonly string[], body: readonly (readonly string[])[]): string {
  const rows = [head, ...body];
  const widths = head.map(() => 0);
  const split = rows.map((row) =>
    row.map((c, i) => {
      const lines = c.includes('\n') ? c.split('\n') : [c];
      for (const line of lines) {
        const w = textWidth(line);
        if (w > (widths[i] as number)) widths[i] = w;
      }
      return lines;
    }),
  );
  const out: string[] = [];
  const last = head.length - 1;
  for (const row of split) {
    const height = Math.max(1, ...row.map((lines) => lines.length));
    for (let k = 0; k < height; k++) {
      let line = '';
      for (let i = 0; i <= last; i++) {
        const text = row[i]?.[k] ?? '';
        line += i === last ? text : text + ' '.repeat((widths[i] as number) - textWidth(text) + GAP);
      }
      out.push(line.trimEnd());
    }
  }
  return out.join('\n') + '\n';
}

const lines = (parts: readonly string[]): string => parts.join('\n');

/**
 * A cell's lines at `width` columns (one line when there is no width), wrapped on spaces by
 * display columns; a word wider than the column ends in `…`. An empty cell is one empty line.
 */
function wrapCell(text: string, width: number | undefined): string[] {
  if (width === undefined || textWidth(text) <= width) return [text];
  const wrapped = wrapToWidth(text, width);
  return wrapped.length ? wrapped : [''];
}
