import { normalizeBaseUrl } from '../../api/base-url.js';
import { createHttp, type Http } from '../../api/http.js';
import type { RequestSpec } from '../../api/request.js';
import { CONTROL_PREFIX } from '../../emulator/paths.js';
import { CliError, NotFoundError } from '../../lib/errors.js';
import type { Factory } from '../../factory.js';

/** A client of the emulator's control routes, on the origin of the base URL the CLI resolved. */
export interface ControlClient {
  /** Where the control routes are, for messages. */
  readonly url: string;
  request<T>(spec: RequestSpec): Promise<T>;
}

/**
 * Builds the client with the run's credentials, timeouts, retries and --verbose log. With
 * --emulator, resolving the credentials starts the in-process emulator, so this works there too.
 */
export async function controlClient(
  f: Pick<Factory, 'credentials' | 'options' | 'version' | 'env' | 'signal' | 'clock' | 'io'>,
): Promise<ControlClient> {
  const creds = await f.credentials();
  const api = normalizeBaseUrl(creds.baseUrl, {
    insecure: f.options.insecure,
    source: creds.baseUrlSource === 'flag' ? undefined : creds.baseUrlSource,
  });
  const base = new URL(`${CONTROL_PREFIX}/`, api.origin);
  const http: Http = createHttp({
    baseUrl: base,
    appId: creds.appId,
    appKey: creds.appKey,
    userAgent: `enablex-cli/${f.version}`,
    timeoutMs: f.options.timeoutMs,
    retries: f.options.retries,
    env: f.env,
    signal: f.signal,
    sleep: f.clock.sleep,
    log: f.options.verbose ? (line) => f.io.log(line) : undefined,
  });
  return {
    url: base.toString(),
    async request<T>(spec: RequestSpec): Promise<T> {
      try {
        return await http.request<T>(spec);
      } catch (err) {
        // A 404 without an EnableX result code means the server has no control routes at all.
        if (err instanceof NotFoundError && err.failure.result === undefined) {
          throw new CliError(
            `${api.origin} is not an enablex emulator (no ${CONTROL_PREFIX} routes).`,
            err.exitCode,
            'Start one with `enablex emulator` and point ENABLEX_BASE_URL at it, or add --emulator.',
          );
        }
        throw err;
      }
    },
  };
}
