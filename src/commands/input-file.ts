import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type * as Yaml from 'yaml';
import type { Factory } from '../factory.js';
import { UsageError } from '../lib/errors.js';

const require = createRequire(import.meta.url);

/** Reads all of stdin (for `-f -`), refusing a terminal so a script never blocks on it. */
export async function readStdin(f: Pick<Factory, 'io'>, flag: string): Promise<string> {
  if (f.io.stdin.isTTY)
    throw new UsageError(`${flag} - reads standard input, but it is a terminal: pipe the content in.`);
  const chunks: Buffer[] = [];
  for await (const chunk of f.io.stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads and parses a JSON or YAML body from a path or `-` (stdin), naming the flag on every error. */
export async function readBodyFile(
  f: Pick<Factory, 'io' | 'cwd'>,
  path: string,
  flag = '--file',
): Promise<unknown> {
  let text: string;
  if (path === '-') {
    text = await readStdin(f, flag);
  } else {
    try {
      // A plain path, not a URL: "#", "?" and "%41" are ordinary characters in a file name.
      text = await readFile(resolve(f.cwd, path), 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new UsageError(
        `${flag} ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (err as Error).message}.`,
      );
    }
  }
  if (text.trim() === '') throw new UsageError(`${flag} ${path}: the file is empty.`);
  let json = true;
  try {
    JSON.parse(text);
  } catch {
    json = false;
  }
  // JSON is parsed as YAML 1.2 too (it is a subset), so that both get the same strict checks.
  const yaml = require('yaml') as typeof Yaml;
  const doc = yaml.parseDocument(text, { uniqueKeys: false, schema: 'core', prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    throw new UsageError(`${flag} ${path}: not valid JSON or YAML: ${syntax.message.split('\n')[0]}`);
  }
  const where = (node: { range?: [number, number, number] | null } | null | undefined) =>
    node?.range ? ` (line ${text.slice(0, node.range[0]).split('\n').length})` : '';
  checkNode(doc.contents, '', { flag, path, kind: json ? 'JSON' : 'YAML', where, yaml });
  return doc.toJS({ maxAliasCount: 100 });
}

/** Explicit YAML tags that mean plain data; any other tag (`!!js/function`, `!custom`) is refused. */
const DATA_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`),
);

/** A number written as plain digits (with an optional minus); `0x10`, `1e2`, `.inf` are not. */
const PLAIN_INTEGER = /^-?\d+$/;

interface CheckScope {
  flag: string;
  path: string;
  kind: 'JSON' | 'YAML';
  where: (node: { range?: [number, number, number] | null } | null | undefined) => string;
  yaml: typeof Yaml;
}

/**
 * Walks the parsed file before it becomes a value: refuses duplicate keys (JSON would silently keep
 * the last), tags that are not plain data, and keys that are not text. A number not written as plain
 * digits (`0x10`, `1e2`, `10.0`) is kept as the text written, so the rules that take whole numbers
 * refuse it by name, as they refuse the same text in a flag.
 */
function checkNode(node: unknown, at: string, scope: CheckScope): void {
  const { yaml, flag, path } = scope;
  const name = at === '' ? 'the top level' : `"${at}"`;
  if (yaml.isNode(node) && node.tag !== undefined && !DATA_TAGS.has(node.tag)) {
    throw new UsageError(
      `${flag} ${path}: ${name} has the YAML tag ${node.tag.replace('tag:yaml.org,2002:', '!!')}${scope.where(node)}; only plain data is accepted.`,
      'Remove the tag: a room body holds only text, numbers, true/false, lists and maps.',
    );
  }
  if (yaml.isScalar(node)) {
    if (
      typeof node.value === 'number' &&
      typeof node.source === 'string' &&
      !PLAIN_INTEGER.test(node.source)
    ) {
      node.value = node.source;
    }
    return;
  }
  if (yaml.isSeq(node)) {
    node.items.forEach((item, i) => checkNode(item, `${at}[${i}]`, scope));
    return;
  }
  if (!yaml.isMap(node)) return;
  const seen = new Set<string>();
  for (const pair of node.items) {
    const key = pair.key;
    if (!yaml.isScalar(key) || (typeof key.value !== 'string' && typeof key.value !== 'number')) {
      throw new UsageError(`${flag} ${path}: a key in ${name}${scope.where(key as never)} is not text.`);
    }
    const text = String(key.value);
    const full = at === '' ? text : `${at}.${text}`;
    if (seen.has(text)) {
      throw new UsageError(
        `${flag} ${path}: the key "${full}" appears twice${scope.where(key)}; ${scope.kind} would keep only the last.`,
        'Give each key once.',
      );
    }
    seen.add(text);
    checkNode(pair.value, full, scope);
  }
}
