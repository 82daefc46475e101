import { terminalSafe } from './escape.js';

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
 * A text cell that Excel, LibreOffice or Google Sheets would read as a formula (OWASP "CSV
 * injection"): it starts with `=`, `+`, `-`, `@` (or their full-width forms), a tab, CR or LF. A
 * plain number (`-2`, `+1.5`, `-1e3`) is data, not a formula, and stays as it is.
 */
const FORMULA_START = /^[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The cell with a leading `'` when a spreadsheet would run it as a formula; otherwise unchanged. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** Quotes one CSV field as RFC 4180 asks: quotes, commas, CR or LF force quoting; quotes doubled. */
export function csvField(value: unknown, opts: CsvOptions = {}): string {
  if (value === null || value === undefined) return '';
  let s =
    typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (opts.neutralise !== false && typeof value === 'string') s = neutraliseFormula(s);
  if (opts.terminal) s = terminalSafe(s);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV record, CRLF-terminated. */
export function csvLine(values: readonly unknown[], opts: CsvOptions = {}): string {
  return values.map((v) => csvField(v, opts)).join(',') + '\r\n';
}
