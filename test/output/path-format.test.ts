import { describe, expect, it } from 'vitest';
import { formatForPath } from '../../src/output/path-format.js';

describe('formatForPath', () => {
  it.each([
    ['cdr.csv', 'json', 'csv'],
    ['out/list.JSON', 'csv', 'json'],
    ['records.ndjson', 'csv', 'ndjson'],
    ['records.jsonl', 'csv', 'ndjson'],
    ['a.yaml', 'csv', 'yaml'],
    ['a.YML', 'csv', 'yaml'],
    ['report.txt', 'csv', 'csv'],
    ['report', 'json', 'json'],
    ['.csv', 'json', 'json'],
    ['dir.csv/report', 'json', 'json'],
  ] as const)('%s (fallback %s) -> %s', (path, fallback, want) => {
    expect(formatForPath(path, fallback)).toBe(want);
  });
});
