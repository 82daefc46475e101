import { UsageError } from '../../lib/errors.js';
import type { Factory } from '../../factory.js';
import { printable } from '../dialin/secrets.js';
import type { ApiInput } from './api.verb.js';
import { withErrorBody } from './error-body.js';
import { parseMethod, parsePath, readData } from './input.js';

/** `enablex api <method> <path>`: one raw authenticated call through the same HTTP layer. */
export async function run({ args, opts }: ApiInput, f: Factory): Promise<void> {
  const method = parseMethod(args.method);
  const path = parsePath(args.path);
  const rawData = opts.data;
  if (rawData !== undefined && method === 'GET') {
    throw new UsageError('--data cannot be sent with GET: use POST, PATCH, PUT or DELETE.');
  }
  const json = rawData === undefined ? undefined : await readData(f, rawData);
  if (/^(video\/)?v\d+(\/|$)/.test(path)) {
    f.io.warn(`<path> starts with "${path.split('/')[0]}": the base URL already ends in /video/v2.`);
  }
  const http = await f.http();
  // A raw answer reads best as JSON; -o/--json still choose another format.
  const out = f.options.formatExplicit ? f.io : f.withOptions({ format: 'json' }).io;
  const showSecrets = opts.showSecrets === true;
  const body = await withErrorBody(
    () => f.io.spin(`${method} /${path}…`, () => http.request({ method, path, json })),
    out,
    showSecrets,
  );
  if (body === undefined) {
    f.io.success(`Sent ${method} /${path}; the answer was empty.`);
    return;
  }
  out.data(printable(body, showSecrets, f.io));
}
