import type { CdrRecord } from '../../api/cdr.js';
import type { RecordWriter } from './writers.js';

/** `cdr -q` on stdout: each record's cdr_id alone on a line (records without one print nothing). */
export function quietWriter(): RecordWriter {
  return {
    start: () => '',
    prepare: (r: CdrRecord) => {
      const id = (r as Record<string, unknown>)['cdr_id'];
      return id === undefined || id === null || id === '' ? '' : `${String(id)}\n`;
    },
    write: (item) => item as string,
    end: () => '',
  };
}
