import { cellText } from './cell.js';

/** How CSV cells are written. */
export interface CsvOptions {
  /**
   * `false` (`--csv-raw`): every cell exactly as received. Otherwise (the default) a text cell that a
   * spreadsheet would run as a formula gets a leading `'`.
   */
  neutralise?: boolean;
  /** stdout is a terminal: control characters in cells are shown escaped (see escape.ts). */
  terminal?: boolean;
}

/**
 * A text cell written as it is, for a file or pipe: nothing to quote (no quote, comma, CR or LF, no
 * space at either end) and, with neutralising, no character a spreadsheet would start a formula
 * with. Most cells of an export are such text: one test instead of the steps of {@link cellText}.
 */
const AS_IS = /^(?![\s=+\-@\uff1d\uff0b\uff0d\uff20])[^",\r\n]*(?<!\s)$/;
const AS_IS_RAW = /^(?!\s)[^",\r\n]*(?<!\s)$/;

/**
 * Quotes one CSV field as RFC 4180 asks: quotes, commas, CR or LF force quoting; quotes doubled.
 * @internal Exported for its table test: the rule itself is what the test checks.
 */
export function csvField(value: unknown, opts: CsvOptions = {}): string {
  // Numbers and booleans never need quoting (most CDR cells are one of them).
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const neutralise = opts.neutralise !== false;
  if (typeof value === 'string' && opts.terminal !== true && (neutralise ? AS_IS : AS_IS_RAW).test(value)) {
    return value;
  }
  const s = cellText(value, { neutralise, terminal: opts.terminal === true });
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV record, CRLF-terminated. */
export function csvLine(values: readonly unknown[], opts: CsvOptions = {}): string {
  const cells = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) cells[i] = csvField(values[i], opts);
  // join() makes one flat string (`+=` would keep a rope of pieces per waiting record); the line end
  // goes on the last cell so that no rope is made after the join either.
  if (cells.length === 0) return '\r\n';
  cells[cells.length - 1] += '\r\n';
  return cells.join(',');
}
