import { normalizeBaseUrl } from '../../api/base-url.js';
import { createHttp, type Http, type RequestSpec } from '../../api/http.js';
import { CONTROL_PREFIX } from '../../emulator/paths.js';
import { CliError, NotFoundError } from '../../errors.js';
import type { Runtime } from '../../runtime.js';

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
export async function controlClient(rt: Runtime): Promise<ControlClient> {
  const creds = await rt.credentials();
  const api = normalizeBaseUrl(creds.baseUrl, {
    insecure: rt.globals.insecure,
    source: creds.baseUrlSource === 'flag' ? undefined : creds.baseUrlSource,
  });
  const base = new URL(`${CONTROL_PREFIX}/`, api.origin);
  const http: Http = createHttp({
    baseUrl: base,
    appId: creds.appId,
    appKey: creds.appKey,
    userAgent: `enablex-cli/${rt.ctx.version}`,
    timeoutMs: rt.globals.timeoutMs,
    retries: rt.globals.retries,
    env: rt.ctx.env,
    signal: rt.ctx.signal,
    sleep: rt.ctx.sleep,
    log: rt.globals.verbose ? (line) => rt.out.log(line) : undefined,
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
