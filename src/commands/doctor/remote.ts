import type { ResponseInfo } from '../../api/request.js';
import { paths } from '../../api/paths.js';
import { ApiError, ExitCode, InterruptedError, NetworkError } from '../../lib/errors.js';
import type { Factory } from '../../factory.js';
import type { CheckResult } from './report.js';

/** Clock skew beyond which scheduled times and token windows start to go wrong. */
export const SKEW_WARN_SECONDS = 30;
/** Clock skew that breaks them: scheduled rooms open 15 minutes early at most. */
export const SKEW_FAIL_SECONDS = 300;

/** The last answer the server gave, and when (by this machine's clock) it arrived. */
export interface Answer {
  info: ResponseInfo;
  at: Date;
}

const header = (info: ResponseInfo, name: string): string | undefined => {
  const v = info.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

const WRONG_API = 'the base URL does not look like the EnableX Video API v2 (it should end in /video/v2)';

/**
 * Why the answer cannot come from the API: a 404, a redirect, or a body that is not JSON. A 5xx is
 * the server (or a proxy in front of it, with its HTML error page) failing, not a wrong base URL.
 */
function notTheApi(answer: Answer | undefined, err: unknown): string | undefined {
  if (!answer) return undefined;
  const { status } = answer.info;
  if (status >= 500) return undefined;
  const type = header(answer.info, 'content-type') ?? '';
  if (status === 404) return `GET /rooms answered HTTP 404`;
  if (status >= 300 && status < 400) return `GET /rooms was redirected (HTTP ${status})`;
  if (err instanceof NetworkError || (type !== '' && !/json/i.test(type))) {
    return `GET /rooms answered HTTP ${status} with ${type || 'a body'} that is not the API's JSON`;
  }
  return undefined;
}

/**
 * One cheap authenticated call (GET /rooms) tells reachability, TLS, and whether the credentials
 * are accepted; its answer (even a refusal) carries the server's Date for the clock check.
 */
export async function checkApi(
  f: Pick<Factory, 'http' | 'io' | 'clock'>,
  source: string,
): Promise<[CheckResult, Answer?]> {
  let answer: Answer | undefined;
  const onResponse = (info: ResponseInfo) => (answer = { info, at: f.clock.now() });
  const http = await f.http();
  const started = performance.now();
  try {
    const body = await f.io.spin('Calling the API…', () =>
      http.request<{ rooms?: unknown }>({ method: 'GET', path: paths.rooms(), onResponse }),
    );
    const ms = Math.round(performance.now() - started);
    const rooms = Array.isArray(body?.rooms) ? `${body.rooms.length} rooms` : 'no rooms';
    const detail = `credentials accepted: ${http.baseUrl.host} answered GET /rooms in ${ms} ms (${rooms})`;
    return [{ check: 'api', status: 'ok', detail }, answer];
  } catch (err) {
    if (err instanceof InterruptedError) throw err;
    const fail = (detail: string, fix: string | undefined, failure: CheckResult['failure']) =>
      [{ check: 'api', status: 'fail', detail, fix, failure }, answer] as [CheckResult, Answer?];
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof ApiError && err.exitCode === ExitCode.AUTH) {
      const code = err.failure.result ? `result ${err.failure.result}` : `HTTP ${err.failure.status}`;
      return fail(
        `the app id or key is wrong (a typo?): GET /rooms was refused (${code})`,
        `check the app id and key of ${source}; \`enablex profile show\` shows the saved app id`,
        'config',
      );
    }
    const wrong = notTheApi(answer, err);
    if (wrong)
      return fail(`${WRONG_API}: ${wrong}`, 'pass --base-url https://api.enablex.io/video/v2', 'config');
    const hint = err instanceof NetworkError || err instanceof ApiError ? err.hint : undefined;
    if (err instanceof NetworkError || (err instanceof ApiError && err.exitCode === ExitCode.NETWORK)) {
      return fail(message, hint, 'network');
    }
    if (err instanceof ApiError) return fail(message, hint, 'api');
    throw err;
  }
}

/** The difference between this machine's clock and the server's Date header. */
export function checkClock(answer: Answer | undefined): CheckResult {
  const skip = (detail: string): CheckResult => ({ check: 'clock', status: 'skip', detail });
  if (!answer) return skip('not checked: the server gave no answer');
  const date = header(answer.info, 'date');
  if (!date) return skip('not checked: the server sent no Date header');
  const server = Date.parse(date);
  if (!Number.isFinite(server)) return skip(`not checked: the server's Date header "${date}" is unreadable`);
  // The Date header has whole seconds, so a second either way is noise.
  const skew = Math.round((server - answer.at.getTime()) / 1000);
  const size = Math.abs(skew);
  if (size <= SKEW_WARN_SECONDS) {
    return { check: 'clock', status: 'ok', detail: `within ${size} s of the server's clock` };
  }
  const detail =
    `this computer's clock is ${size} s ${skew > 0 ? 'behind' : 'ahead of'} the server's; ` +
    'scheduled times and token windows depend on it';
  const fix = 'turn on network time (for example `sudo timedatectl set-ntp true`)';
  return size > SKEW_FAIL_SECONDS
    ? { check: 'clock', status: 'fail', failure: 'config', detail, fix }
    : { check: 'clock', status: 'warn', detail, fix };
}
