/**
 * Parses RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks; CRLF or LF rows).
 * Strict on purpose: a stray quote inside an unquoted field or an unclosed quote throws, so a
 * broken export fails the test instead of being miscounted.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let started = false;
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i += 1;
        const next = text[i];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n')
          throw new Error(`CSV: text after a closing quote at offset ${i}`);
      } else {
        field += ch;
        i += 1;
      }
      continue;
    }
    if (ch === '"') {
      if (field !== '') throw new Error(`CSV: quote inside an unquoted field at offset ${i}`);
      quoted = true;
      started = true;
      i += 1;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      started = true;
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      started = false;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      started = true;
      i += 1;
    }
  }
  if (quoted) throw new Error('CSV: unclosed quote at the end');
  if (started || field !== '') {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** CSV rows as objects keyed by the header row. */
export function csvRecords(text: string): { header: string[]; records: Record<string, string>[] } {
  const [header = [], ...rows] = parseCsv(text);
  for (const [n, r] of rows.entries()) {
    if (r.length !== header.length)
      throw new Error(`CSV: row ${n + 2} has ${r.length} fields, the header ${header.length}`);
  }
  return { header, records: rows.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? '']))) };
}
