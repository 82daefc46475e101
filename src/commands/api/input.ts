import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Method } from 'got';
import type { Factory } from '../../factory.js';
import { UsageError } from '../../lib/errors.js';
import { readStdin } from '../input-file.js';

/** The methods `enablex api` sends. */
export const API_METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const;

/** Checks `<method>` in any case and returns it upper-cased. */
export function parseMethod(raw: string | undefined): Method {
  const method = (raw ?? '').trim().toUpperCase();
  if (!(API_METHODS as readonly string[]).includes(method)) {
    throw new UsageError(`<method> must be one of ${API_METHODS.join(', ')} (any case), got "${raw ?? ''}".`);
  }
  return method as Method;
}

/**
 * Checks `<path>`: relative to the base URL, so the credentials never go to another host and the
 * call never climbs out of the API (no scheme, no `//host`, no `..` segment, even percent-encoded).
 * Control characters are refused first: the URL parser drops tabs and line breaks anywhere and
 * C0 characters at the ends, so `h<LF>ttp://host` would otherwise turn into an absolute URL.
 */
export function parsePath(raw: string | undefined): string {
  const hint = 'Give a path relative to the base URL, e.g. `rooms` or `/rooms/<room-id>/users`.';
  const control = [...(raw ?? '')].find((ch) => ch <= '\u001f' || ch === '\u007f');
  if (control) {
    const code = control.charCodeAt(0).toString(16).padStart(2, '0');
    throw new UsageError(
      `<path> holds a control character (0x${code}); paths are plain text, so nothing was sent.`,
      hint,
    );
  }
  const path = (raw ?? '').trim();
  // The leading slashes go before the path is joined, so `/https://host` is absolute too. Spaces
  // between them go as well: the URL parser drops a leading space, so `/ /` would be the root.
  const relative = path.replace(/^[/\s]+/, '');
  if (relative === '') throw new UsageError('<path> is empty.', hint);
  if (/^[a-z][a-z0-9+.-]*:/i.test(relative) || path.startsWith('//') || path.includes('\\')) {
    throw new UsageError(`<path> "${raw}" must be relative to the base URL, not an absolute URL.`, hint);
  }
  const pathPart = path.split(/[?#]/)[0] ?? '';
  const segments = pathPart.split('/').map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      throw new UsageError(`<path> "${raw}" holds a broken %-escape.`, hint);
    }
  });
  if (segments.some((s) => s === '..' || s === '.' || s.includes('/') || s.includes('\\'))) {
    throw new UsageError(`<path> "${raw}" must not hold "." or ".." segments or encoded slashes.`, hint);
  }
  return relative;
}

/** Reads `--data`: inline JSON, `@file` or `@-` (stdin); anything not JSON is refused, naming --data. */
export async function readData(f: Pick<Factory, 'io' | 'cwd'>, raw: string): Promise<unknown> {
  let text = raw;
  let from = 'the value';
  if (raw === '@-') {
    if (f.io.stdin.isTTY)
      throw new UsageError('--data @- reads standard input, but it is a terminal: pipe the JSON in.');
    text = await readStdin(f, '--data');
    from = 'standard input';
  } else if (raw.startsWith('@')) {
    const file = raw.slice(1);
    if (file === '') throw new UsageError('--data @ needs a file name: --data @body.json, or @- for stdin.');
    try {
      text = await readFile(resolve(f.cwd, file), 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why =
        code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (err as Error).message;
      throw new UsageError(`--data ${raw}: ${why}.`);
    }
    from = file;
  }
  if (text.trim() === '') throw new UsageError(`--data: ${from} is empty; give JSON such as '{"name":"x"}'.`);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new UsageError(
      `--data: ${from} is not valid JSON: ${(err as Error).message}`,
      `Quote inline JSON for the shell: --data '{"name":"x"}', or use --data @file.json.`,
    );
  }
}
