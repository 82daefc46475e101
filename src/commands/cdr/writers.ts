import type { CdrRecord } from '../../api/cdr.js';
import { csvField, csvLine, type CsvOptions } from '../../output/csv.js';
import { jsonTerminalSafe } from '../../output/escape.js';
import { pickPaths } from '../../output/flatten.js';
import { render, type Format } from '../../output/render.js';
import { CDR_COLUMNS, CDR_TABLE_COLUMNS, rowReader } from './columns.js';

/** What a writer makes of one record as soon as its chunk arrives: output text, or a table row. */
export type Item = string | Readonly<Record<string, string>>;

/**
 * Turns records into output text one at a time, so an export never holds more than the chunks in
 * flight. `prepare` runs when a chunk arrives (out of order), `write` when its turn comes.
 */
export interface RecordWriter {
  start(): string;
  prepare(record: CdrRecord): Item;
  write(item: Item): string;
  end(count: number): string;
}

/** Rows per table block: a table needs all its rows to size its columns, so it prints in blocks. */
export const TABLE_BLOCK = 100;

/** The writer of one output format; `fields` (--fields) replaces the columns or keys of any format. */
export async function createWriter(
  format: Format,
  fields: readonly string[] | undefined,
  csv: CsvOptions = {},
): Promise<RecordWriter> {
  const shape = (r: CdrRecord): unknown => (fields ? pickPaths(r, fields) : r);
  const text = (item: Item): string => item as string; // every writer but table prepares text
  switch (format) {
    case 'csv': {
      const columns = fields ?? CDR_COLUMNS;
      const read = rowReader(columns);
      return {
        start: () => csvLine(columns, csv),
        prepare: (r) => csvRecord(read(r), csv),
        write: text,
        end: () => '',
      };
    }
    case 'ndjson':
      return {
        start: () => '',
        prepare: (r) => jsonTerminalSafe(JSON.stringify(shape(r))) + '\n',
        write: text,
        end: () => '',
      };
    case 'json': {
      // The same text as JSON.stringify(list, null, 2), built one element at a time.
      let first = true;
      return {
        start: () => '',
        // Stringified inside a list, the record comes out indented as an element: cut the brackets
        // off. (A regex indent would make a rope of pieces per record, several times the text's size.)
        prepare: (r) => jsonTerminalSafe(JSON.stringify([shape(r)], null, 2).slice(2, -2)),
        write: (item) => {
          const sep = first ? '[\n' : ',\n';
          first = false;
          return sep + text(item);
        },
        end: (count) => (count === 0 ? '[]\n' : '\n]\n'),
      };
    }
    case 'yaml': {
      // One-item sequences concatenate into one valid YAML sequence.
      const { yamlStringify } = await import('../../output/yaml.js');
      return {
        start: () => '',
        prepare: (r) => yamlStringify([shape(r)]),
        write: text,
        end: (count) => (count === 0 ? '[]\n' : ''),
      };
    }
    case 'table':
      return tableWriter(fields ?? CDR_TABLE_COLUMNS);
  }
}

/**
 * csvLine with a fast path: numbers and booleans never need quoting, and most CDR cells are one of
 * them, so only strings and objects go through csvField's checks (same output, about half the time).
 */
function csvRecord(values: readonly unknown[], opts: CsvOptions): string {
  const cells = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    cells[i] = typeof v === 'number' || typeof v === 'boolean' ? String(v) : csvField(v, opts);
  }
  // join() makes one flat string (`+=` would keep a rope of 60-odd pieces per waiting record); the
  // line end goes on the last cell so that no rope is made after the join either.
  if (cells.length > 0) cells[cells.length - 1] += '\r\n';
  return cells.join(',');
}

/** Table blocks through the shared renderer, so they look like every other table of the CLI. */
function tableWriter(columns: readonly string[]): RecordWriter {
  const read = rowReader(columns);
  const cell = (v: unknown): string =>
    v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  let rows: Record<string, string>[] = [];
  let blocks = 0;
  const flush = (): string => {
    if (rows.length === 0) return '';
    const text = render(rows, { format: 'table', tableColumns: columns });
    rows = [];
    return (blocks++ > 0 ? '\n' : '') + text;
  };
  return {
    start: () => '',
    // Flat rows keyed by column name, values already text: the renderer has nothing left to flatten.
    prepare: (r) => {
      const values = read(r);
      return Object.fromEntries(columns.map((c, i) => [c, cell(values[i])]));
    },
    write: (item) => {
      rows.push(item as Record<string, string>); // this writer's prepare made it
      return rows.length >= TABLE_BLOCK ? flush() : '';
    },
    end: () => flush(),
  };
}
