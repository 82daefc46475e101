// Benchmark helper: reads a CSV file as a stream, without holding it.
import { createReadStream } from 'node:fs';

/**
 * Counts the records of a CSV file (header excluded) and hashes the sequence of its last column
 * (cdr_id), so two exports can be compared without holding either. Quoted fields may hold commas,
 * quotes and newlines; CRLF and LF line ends are both accepted.
 */
export async function scanCsv(path) {
  let inQuotes = false;
  let field = '';
  let lines = 0;
  let sequence = 0;
  for await (const chunk of createReadStream(path, { encoding: 'utf8' })) {
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i];
      if (ch === '"') inQuotes = !inQuotes;
      else if (inQuotes) field += ch;
      else if (ch === ',') field = '';
      else if (ch === '\n') {
        if (lines > 0) {
          const key = field.replace(/\r$/, '');
          for (let k = 0; k < key.length; k++) sequence = (Math.imul(sequence, 31) + key.charCodeAt(k)) >>> 0;
          sequence = (Math.imul(sequence, 31) + 10) >>> 0;
        }
        lines += 1;
        field = '';
      } else field += ch;
    }
  }
  return { records: Math.max(0, lines - 1), sequence };
}
