import { extname } from 'node:path';
import type { Format } from './formats.js';

const BY_EXTENSION: Readonly<Record<string, Format>> = {
  '.csv': 'csv',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.yaml': 'yaml',
  '.yml': 'yaml',
};

/** The format a file name asks for by its extension (any case); `fallback` when it says nothing. */
export function formatForPath(path: string, fallback: Format): Format {
  return BY_EXTENSION[extname(path).toLowerCase()] ?? fallback;
}
