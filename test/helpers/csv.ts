import { parse } from 'csv-parse/sync';

/**
 * Parses the CLI's CSV with a real RFC 4180 parser (csv-parse), strict: a stray or unclosed quote,
 * rows of different lengths, or a row ending other than CRLF throws, so a broken export fails the
 * test instead of being miscounted. Quoted fields may hold commas, quotes and line breaks.
 */
export function parseCsv(text: string): string[][] {
  // Outside quoted fields (where a line break is data), every line break must be CRLF.
  const unquoted = text.replace(/"(?:[^"]|"")*"/g, '""');
  if (/(^|[^\r])\n/.test(unquoted)) throw new Error('CSV: a row ends in a bare LF, not CRLF');
  return parse(text, { record_delimiter: '\r\n', relax_column_count: false }) as string[][];
}

/** CSV rows as objects keyed by the header row. */
export function csvRecords(text: string): { header: string[]; records: Record<string, string>[] } {
  const [header = [], ...rows] = parseCsv(text);
  return { header, records: rows.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? '']))) };
}

/** The text with every line ending spelled out (`\r\n` vs `\n`), one JSON string per line, for snapshots. */
export function showLineEndings(text: string): string {
  return text
    .split(/(?<=\n)/)
    .map((line) => JSON.stringify(line))
    .join('\n');
}
