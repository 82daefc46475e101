import { compactTimestamp } from './cell.js';
import { padToWidth, textWidth, truncateToWidth } from './width.js';

const GAP = 2;
const MIN_COLUMN = 8;

// eslint-disable-next-line no-control-regex -- matching the ESC of ANSI colour codes is the point
const ANSI = /\u001b\[[0-9;]*m/;
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?)?$/;

/**
 * Table headers from the column list alone, never from the rows: each dotted column is named by
 * its last part (`settings.mode` -> `mode`) unless two columns would then share a name, in which
 * case both keep their full path. So a list has the same header whatever records it holds.
 */
export function headerNames(columns: readonly string[]): string[] {
  const short = columns.map((c) => c.slice(c.lastIndexOf('.') + 1));
  return short.map((name, i) => (short.indexOf(name) === short.lastIndexOf(name) ? name : columns[i]!));
}

/**
 * Cuts a cell to `w` columns with a final "…", by display columns and between graphemes (coloured
 * cells are short and never cut).
 */
function cut(text: string, w: number): string {
  return ANSI.test(text) ? text : truncateToWidth(text, Math.max(2, w));
}

/** How to fit a table. */
interface FitOptions {
  /** Terminal width; none (piped) keeps every column and character. */
  width?: number | undefined;
  /** Index of a column that wraps instead of being cut (messages). */
  wrap?: number | undefined;
  /** Indexes of columns never cut nor hidden (ids people copy). */
  keep?: readonly number[] | undefined;
  /** Indexes of columns in the order they are hidden when the table cannot fit; default right to left. */
  hideOrder?: readonly number[] | undefined;
}

/** The shape of a table fitted to a width. */
interface FittedTable {
  head: string[];
  body: string[][];
  /** Set when one column wraps: every column's width, for the wrapping renderer. */
  colWidths?: number[];
  /** Indexes (into the original columns) of the columns shown, in order. */
  shown: number[];
  /** Headers of the columns hidden to fit, in the order given. */
  hidden: string[];
  /** Width of each shown column. */
  widths: number[];
  /** Which shown columns are never cut. */
  rigid: boolean[];
  /** True when timestamps lost their seconds. */
  compact: boolean;
}

const sum = (ws: readonly number[]) => ws.reduce((a, b) => a + b, 0) + GAP * Math.max(0, ws.length - 1);

/**
 * Fits a table to the terminal width (when there is one) the way gh does. In order: timestamps
 * lose their seconds; when even the narrowest layout is too wide, whole columns are hidden (the
 * caller says so on stderr); then the widest columns give way and their cells end in "…". Headers
 * are never cut; ids and timestamps are never cut (a cut one is useless); the `wrap` column wraps.
 * Piped output (no width) keeps every character. Widths are terminal columns (wide characters 2).
 */
export function fitToWidth(
  head: readonly string[],
  body: readonly (readonly string[])[],
  width: number | undefined,
  wrap = -1,
  keep: readonly number[] = [],
  hideOrder?: readonly number[],
): FittedTable {
  // A loop, not Math.max(...rows): one argument per row overflows the stack past ~120k rows.
  const measure = (rows: readonly (readonly string[])[]) =>
    head.map((h, i) => rows.reduce((widest, row) => Math.max(widest, textWidth(row[i] ?? '')), textWidth(h)));
  const all = head.map((_, i) => i);
  let widths = measure(body);
  const plain = { head: [...head], body: body.map((r) => [...r]), shown: all, hidden: [], widths };
  const rigidAll = head.map((_, i) => keep.includes(i));
  if (!width || sum(widths) <= width) return { ...plain, rigid: rigidAll, compact: false };
  const rows = body.map((row) => row.map(compactTimestamp));
  widths = measure(rows);
  if (wrap >= 0) {
    const others = sum(widths) - widths[wrap]!;
    if (width - others >= 20) {
      const colWidths = [...widths];
      colWidths[wrap] = width - others;
      return {
        head: [...head],
        body: rows,
        colWidths,
        shown: all,
        hidden: [],
        widths: colWidths,
        rigid: rigidAll,
        compact: true,
      };
    }
  }
  const rigid = head.map((_, i) => {
    const values = rows.map((row) => row[i] ?? '').filter((v) => v !== '');
    return keep.includes(i) || (values.length > 0 && values.every((v) => DATE_LIKE.test(v)));
  });
  const least = widths.map((w, i) => (rigid[i] ? w : Math.max(textWidth(head[i]!), Math.min(MIN_COLUMN, w))));
  const order = (hideOrder ?? [...all].reverse()).filter((i) => i > 0 && !keep.includes(i));
  let shown = all;
  for (const i of order) {
    if (sum(shown.map((s) => least[s]!)) <= width) break;
    shown = shown.filter((s) => s !== i);
  }
  const ws = shown.map((i) => widths[i]!);
  const shrinkable = (k: number) => ws[k]! > least[shown[k]!]!;
  while (sum(ws) > width) {
    let widest = -1;
    for (let k = 0; k < ws.length; k++) if (shrinkable(k) && (widest < 0 || ws[k]! > ws[widest]!)) widest = k;
    if (widest < 0) break;
    ws[widest]! -= 1;
  }
  return {
    head: shown.map((i) => head[i]!),
    body: rows.map((row) => shown.map((i, k) => cut(row[i] ?? '', ws[k]!))),
    shown,
    hidden: all.filter((i) => !shown.includes(i)).map((i) => head[i]!),
    widths: ws,
    rigid: shown.map((i) => rigid[i]!),
    compact: true,
  };
}

/**
 * A table printed a row at a time (a long CDR export) with one header and one set of widths, taken
 * from its first rows: later rows are laid out to the same widths, their cells cut with "…" on a
 * terminal (ids and timestamps excepted) and padded; piped, a longer cell is kept whole and only
 * its own line shifts.
 */
export class StreamedTable {
  private constructor(
    private readonly fit: FittedTable,
    private readonly cutCells: boolean,
  ) {}

  /** Plans the layout from the first rows (as many as the caller buffered). */
  static plan(
    head: readonly string[],
    first: readonly (readonly string[])[],
    opts: FitOptions,
  ): StreamedTable {
    const fit = fitToWidth(head, first, opts.width, -1, opts.keep, opts.hideOrder);
    const last = fit.widths.length - 1;
    // The last column is not padded: on a terminal, later rows may use what is left of the width.
    if (opts.width !== undefined && last >= 0) {
      const widths = [...fit.widths];
      widths[last] = Math.max(widths[last]!, opts.width - (sum(widths) - widths[last]!));
      return new StreamedTable({ ...fit, widths }, true);
    }
    return new StreamedTable(fit, opts.width !== undefined);
  }

  /** Headers hidden to fit the terminal (to say so on stderr). */
  get hidden(): readonly string[] {
    return this.fit.hidden;
  }

  /** The header line. */
  header(): string {
    return this.line(this.fit.head);
  }

  /** One row (all original columns, in order) as a line of the table. */
  row(cells: readonly string[]): string {
    const f = this.fit;
    return this.line(
      f.shown.map((i, k) => {
        const text = f.compact ? compactTimestamp(cells[i] ?? '') : (cells[i] ?? '');
        return this.cutCells && !f.rigid[k] ? cut(text, f.widths[k]!) : text;
      }),
    );
  }

  private line(cells: readonly string[]): string {
    const last = cells.length - 1;
    let out = '';
    cells.forEach((text, k) => {
      out += k === last ? text : padToWidth(text, this.fit.widths[k]!) + ' '.repeat(GAP);
    });
    return out.trimEnd() + '\n';
  }
}
