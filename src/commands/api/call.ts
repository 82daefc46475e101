import { UsageError } from '../../errors.js';
import { Printer } from '../../output/printer.js';
import type { Runtime } from '../../runtime.js';
import { printable } from '../dialin/secrets.js';
import type { CommandInput } from '../define.js';
import { withErrorBody } from './error-body.js';
import { parseMethod, parsePath, readData } from './input.js';

/** `enablex api <method> <path>`: one raw authenticated call through the same HTTP layer. */
export async function run({ args, opts }: CommandInput, rt: Runtime): Promise<void> {
  const method = parseMethod(args[0]);
  const path = parsePath(args[1]);
  const rawData = opts['data'] as string | undefined;
  if (rawData !== undefined && method === 'GET') {
    throw new UsageError('--data cannot be sent with GET: use POST, PATCH, PUT or DELETE.');
  }
  const json = rawData === undefined ? undefined : await readData(rt, rawData);
  if (/^(video\/)?v\d+(\/|$)/.test(path)) {
    rt.out.warn(`<path> starts with "${path.split('/')[0]}": the base URL already ends in /video/v2.`);
  }
  const http = await rt.http();
  // A raw answer reads best as JSON; -o/--json still choose another format.
  const out = rt.globals.formatExplicit ? rt.out : new Printer(rt.ctx, { ...rt.globals, format: 'json' });
  const showSecrets = Boolean(opts['showSecrets']);
  const body = await withErrorBody(
    () => rt.out.spin(`${method} /${path}…`, () => http.request({ method, path, json })),
    out,
    showSecrets,
  );
  if (body === undefined) {
    rt.out.success(`Sent ${method} /${path}; the answer was empty.`);
    return;
  }
  out.data(printable(body, showSecrets, rt.out));
}
