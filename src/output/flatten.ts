/** A flattened row: dotted column names to printable scalar values. */
export type FlatRow = Record<string, string | number | boolean | null>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Flattens nested objects to dotted keys (`room.room_id`). Arrays become JSON text so one record
 * stays one row. An empty object has no leaf, so it adds no column (a `data: {}` on one room must
 * not add a `data` column beside another room's `data.team`).
 */
export function flatten(value: unknown, prefix = '', out: FlatRow = {}): FlatRow {
  if (!isPlainObject(value)) {
    out[prefix || 'value'] = toScalar(value);
    return out;
  }
  const entries = Object.entries(value);
  for (const [k, v] of entries) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (isPlainObject(v)) flatten(v, key, out);
    else out[key] = toScalar(v);
  }
  return out;
}

function toScalar(v: unknown): string | number | boolean | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

/** Reads a dotted path (`usage.connect_minutes`) from a nested value. */
export function getPath(value: unknown, path: string): unknown {
  let cur: unknown = value;
  for (const part of path.split('.')) {
    // Own properties only: `toString` or `__proto__` is not a field of a record.
    if (!isPlainObject(cur) || !Object.hasOwn(cur, part)) return undefined;
    cur = cur[part];
  }
  return cur;
}

/** Keeps only the given dotted paths of an object, nesting preserved (for json/yaml `--fields`). */
export function pickPaths(value: unknown, paths: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of paths) {
    const v = getPath(value, path);
    if (v !== undefined) setPath(out, path, v);
  }
  return out;
}

/** Sets a dotted path in a nested object, making the objects on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(node[part])) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1] as string] = value;
}

/** Union of flattened keys over rows, in first-seen order. */
export function columnsOf(rows: readonly FlatRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const k of Object.keys(row)) seen.add(k);
  return [...seen];
}
