import type { CdrRecord } from '../../api/cdr.js';
import { cellText } from '../../output/cell.js';
import { csvLine, type CsvOptions } from '../../output/csv.js';
import { jsonTerminalSafe } from '../../output/escape.js';
import { pickPaths } from '../../output/flatten.js';
import { headerNames, StreamedTable } from '../../output/fit.js';
import type { Format } from '../../output/formats.js';
import { terminalSafe } from '../../output/escape.js';
import { CDR_COLUMNS, rowReader } from './columns.js';

/** What a writer makes of one record as soon as its chunk arrives: output text, or a table row's cells. */
export type Item = string | readonly string[];

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

/** Rows that size the table's columns: they wait, then every later row is printed as it comes. */
const TABLE_SAMPLE = 100;

/** What the table writer needs: its default columns (the verb's), and the terminal. */
interface TableTarget {
  /** The columns without --fields. */
  columns: readonly string[];
  /** Terminal width (none when piped: nothing is cut). */
  width?: number | undefined;
  /** Told the headers of columns hidden to fit the terminal. */
  onHidden?: ((headers: readonly string[], width: number) => void) | undefined;
}

/** The writer of one output format; `fields` (--fields) replaces the columns or keys of any format. */
export async function createWriter(
  format: Format,
  fields: readonly string[] | undefined,
  csv: CsvOptions = {},
  table: TableTarget,
): Promise<RecordWriter> {
  const shape = (r: CdrRecord): unknown => (fields ? pickPaths(r, fields) : r);
  const text = (item: Item): string => item as string; // every writer but table prepares text
  switch (format) {
    case 'csv': {
      const columns = fields ?? CDR_COLUMNS;
      const read = rowReader(columns);
      return {
        start: () => csvLine(columns, csv),
        prepare: (r) => csvLine(read(r), csv),
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
      return tableWriter(fields ?? table.columns, table);
  }
}

/**
 * One table for the whole export: the first TABLE_SAMPLE rows size the columns (and decide what a
 * narrow terminal hides), then the header and those rows print, and every later row follows as it
 * comes, laid out to the same widths.
 */
function tableWriter(columns: readonly string[], target: TableTarget): RecordWriter {
  const read = rowReader(columns);
  const keep = columns.flatMap((c, i) => (c === 'conf_num' || /(^|[._])id$/.test(c) ? [i] : []));
  let sample: (readonly string[])[] | undefined = [];
  let table: StreamedTable | undefined;
  const start = (): string => {
    const rows = sample ?? [];
    sample = undefined;
    if (rows.length === 0) return '';
    table = StreamedTable.plan(headerNames(columns).map(terminalSafe), rows, { width: target.width, keep });
    if (table.hidden.length && target.width) target.onHidden?.(table.hidden, target.width);
    return table.header() + rows.map((r) => table!.row(r)).join('');
  };
  return {
    start: () => '',
    prepare: (r) => read(r).map((v) => cellText(v)),
    write: (item) => {
      const cells = item as readonly string[]; // this writer's prepare made it
      if (table) return table.row(cells);
      sample!.push(cells);
      return sample!.length >= TABLE_SAMPLE ? start() : '';
    },
    end: () => (table ? '' : start()),
  };
}
