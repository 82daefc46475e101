import type { CdrRecord } from '../../api/cdr.js';
import { csvLine } from '../../output/csv.js';
import { pickPaths } from '../../output/flatten.js';
import type { Format } from '../../output/render.js';
import { CDR_COLUMNS, CDR_TABLE_COLUMNS, rowValues } from './columns.js';

/** What a writer makes of one record as soon as its chunk arrives: output text, or table cells. */
export type Item = string | readonly unknown[];

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
): Promise<RecordWriter> {
  const shape = (r: CdrRecord): unknown => (fields ? pickPaths(r, fields) : r);
  const text = (item: Item): string => item as string; // every writer but table prepares text
  switch (format) {
    case 'csv': {
      const columns = fields ?? CDR_COLUMNS;
      return {
        start: () => csvLine(columns),
        prepare: (r) => csvLine(rowValues(r, columns)),
        write: text,
        end: () => '',
      };
    }
    case 'ndjson':
      return { start: () => '', prepare: (r) => JSON.stringify(shape(r)) + '\n', write: text, end: () => '' };
    case 'json': {
      // The same text as JSON.stringify(list, null, 2), built one element at a time.
      let first = true;
      return {
        start: () => '',
        prepare: (r) => JSON.stringify(shape(r), null, 2).replace(/\n/g, '\n  '),
        write: (item) => {
          const sep = first ? '[\n  ' : ',\n  ';
          first = false;
          return sep + text(item);
        },
        end: (count) => (count === 0 ? '[]\n' : '\n]\n'),
      };
    }
    case 'yaml': {
      // One-item sequences concatenate into one valid YAML sequence.
      const { stringify } = await import('yaml');
      return {
        start: () => '',
        prepare: (r) => stringify([shape(r)]),
        write: text,
        end: (count) => (count === 0 ? '[]\n' : ''),
      };
    }
    case 'table':
      return tableWriter(fields ?? CDR_TABLE_COLUMNS);
  }
}

async function tableWriter(columns: readonly string[]): Promise<RecordWriter> {
  const { default: Table } = await import('cli-table3');
  const cell = (v: unknown): string =>
    v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  let rows: string[][] = [];
  const flush = (): string => {
    if (rows.length === 0) return '';
    const table = new Table({ head: [...columns], style: { head: [], border: [] } });
    table.push(...rows);
    rows = [];
    return table.toString() + '\n';
  };
  return {
    start: () => '',
    prepare: (r) => rowValues(r, columns).map(cell),
    write: (item) => {
      rows.push(item as string[]); // this writer's prepare made it
      return rows.length >= TABLE_BLOCK ? flush() : '';
    },
    end: () => flush(),
  };
}
