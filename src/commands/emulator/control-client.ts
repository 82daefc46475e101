import { normalizeBaseUrl } from '../../api/base-url.js';
import { createHttp, type Http } from '../../api/http.js';
import type { RequestSpec } from '../../api/request.js';
import { ResponseTooLarge } from '../../http/body.js';
import type { AgentFactory } from '../../http/proxy.js';
import { CONTROL_PREFIX } from '../../emulator/paths.js';
import { CliError, NetworkError, NotFoundError } from '../../lib/errors.js';
import type { Factory } from '../../factory.js';

/** A client of the emulator's control routes, on the origin of the base URL the CLI resolved. */
export interface ControlClient {
  /** Where the control routes are, for messages. */
  readonly url: string;
  request<T>(spec: RequestSpec): Promise<T>;
}

/**
 * The most of one control answer read. Every answer of the control routes is a small JSON object; a
 * wrong or hostile server on that port must not fill memory (the API's own cap is 64 MiB).
 *
 * @internal Exported for its test, which sends an answer one byte over it.
 */
export const CONTROL_MAX_RESPONSE_BYTES = 1024 * 1024;

/**
 * Builds the client with the run's credentials, timeouts, retries, --verbose log and announced
 * waits; its connections are closed when the command ends. With --emulator, resolving the
 * credentials starts the in-process emulator, so this works there too.
 */
export async function controlClient(
  f: Pick<
    Factory,
    'credentials' | 'options' | 'version' | 'env' | 'signal' | 'clock' | 'io' | 'secrets' | 'onCleanup'
  >,
  /** Builds proxy agents (tests pass their own to count them); hpagent's by default. */
  agentFactory?: AgentFactory,
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
    // A wait before a retry is said on stderr, as for every other request.
    notice: (line) => f.io.note(line),
    maxResponseBytes: CONTROL_MAX_RESPONSE_BYTES,
    secrets: f.secrets,
    agentFactory,
  });
  // Proxy agents keep sockets open between requests: close them when the command ends.
  f.onCleanup(async () => http.close?.());
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
        // No control answer comes near the cap: this is not an emulator (or not a sane one).
        if (err instanceof ResponseTooLarge) {
          throw new NetworkError(
            `${err.message.replace(/\.$/, '')}: no answer of an enablex emulator is that large.`,
            `Check that ${api.origin} is an enablex emulator (\`enablex emulator\`), or add --emulator.`,
          );
        }
        throw err;
      }
    },
  };
}
