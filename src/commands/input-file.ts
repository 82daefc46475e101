import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type * as Yaml from 'yaml';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';

const require = createRequire(import.meta.url);

/** Reads all of stdin (for `-f -`), refusing a terminal so a script never blocks on it. */
export async function readStdin(ctx: Context, flag: string): Promise<string> {
  if (ctx.stdin.isTTY)
    throw new UsageError(`${flag} - reads standard input, but it is a terminal: pipe the content in.`);
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads and parses a JSON or YAML body from a path or `-` (stdin), naming the flag on every error. */
export async function readBodyFile(ctx: Context, path: string, flag = '--file'): Promise<unknown> {
  let text: string;
  if (path === '-') {
    text = await readStdin(ctx, flag);
  } else {
    try {
      // A plain path, not a URL: "#", "?" and "%41" are ordinary characters in a file name.
      text = await readFile(resolve(ctx.cwd, path), 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new UsageError(
        `${flag} ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (err as Error).message}.`,
      );
    }
  }
  if (text.trim() === '') throw new UsageError(`${flag} ${path}: the file is empty.`);
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON: YAML (a superset) is loaded only when needed.
  }
  try {
    const yaml = require('yaml') as typeof Yaml;
    return yaml.parse(text);
  } catch (err) {
    throw new UsageError(`${flag} ${path}: not valid JSON or YAML: ${(err as Error).message.split('\n')[0]}`);
  }
}
