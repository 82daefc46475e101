import { terminalSafe } from './escape.js';

/**
 * A text cell that Excel, LibreOffice or Google Sheets would read as a formula (OWASP "CSV
 * injection"): it starts with `=`, `+`, `-`, `@` (or their full-width forms), a tab, CR or LF. A
 * plain number (`-2`, `+1.5`, `-1e3`) is data, not a formula, and stays as it is.
 */
const FORMULA_START = /^[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d+)?)?Z$/;
const SPACED_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}):\d{2}$/;

/**
 * The cell with a leading `'` when a spreadsheet would run it as a formula; otherwise unchanged.
 * @internal Exported for its table test: the rule itself is what the test checks.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** A timestamp (`2026-01-02T10:20:30Z`, `2026-01-02 10:20:30`) without its seconds; other text unchanged. */
export function compactTimestamp(text: string): string {
  return text.replace(ISO_TIME, '$1 $2').replace(SPACED_TIME, '$1 $2');
}

/** What differs between the places a value becomes a cell. */
interface CellOptions {
  /**
   * Control characters (server text) shown escaped, as `\xHH` (see escape.ts). Default true: a
   * table cell always is; a CSV cell only when stdout is a terminal.
   */
  terminal?: boolean;
  /** A text value a spreadsheet would run as a formula gets a leading `'` (CSV without `--csv-raw`). */
  neutralise?: boolean;
  /** Timestamps lose their seconds (a table that does not fit). */
  compactTime?: boolean;
}

/**
 * The one way a value becomes the text of a table, CSV or plain cell: nothing (null, undefined) is
 * empty, an object or array is its JSON, anything else its `String()`. Then, as asked: formula
 * neutralising (text values only: a number is data), timestamp compaction, and terminal escaping.
 */
export function cellText(value: unknown, opts: CellOptions = {}): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let s =
    typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (opts.neutralise && typeof value === 'string') s = neutraliseFormula(s);
  if (opts.compactTime) s = compactTimestamp(s);
  return opts.terminal === false ? s : terminalSafe(s);
}
