import { DEFAULT_BASE_URL } from '../../api/base-url.js';
import { paths } from '../../api/paths.js';
import type { Profile } from '../../config/store.js';
import { ApiError, AuthError, ExitCode, NetworkError } from '../../lib/errors.js';
import type { Factory } from '../../factory.js';

const SKIP = 'Add --no-verify to save it without checking.';

/**
 * Checks a profile's credentials with one cheap authenticated call (GET /rooms, as doctor does)
 * before they are saved, as gh and stripe do: a refused key (exit 3), an unreachable host (exit 5)
 * or an answer that is not the API's (its own code) stops `profile add`, and nothing is saved.
 * Returns the host that accepted them.
 */
export async function verifyProfile(
  f: Pick<Factory, 'httpFor' | 'io'>,
  name: string,
  profile: Profile,
): Promise<string> {
  const http = await f.httpFor({
    appId: profile.appId,
    appKey: profile.appKey,
    baseUrl: profile.baseUrl ?? DEFAULT_BASE_URL,
    baseUrlSource: profile.baseUrl ? 'flag' : 'default',
  });
  const host = http.baseUrl.host;
  const notSaved = `profile "${name}" was not saved`;
  try {
    await f.io.spin(`Checking the credentials with ${host}…`, () =>
      http.request({ method: 'GET', path: paths.rooms() }),
    );
  } catch (err) {
    if (err instanceof ApiError && err.exitCode === ExitCode.AUTH) {
      const why = err.failure.result ? `result ${err.failure.result}` : `HTTP ${err.failure.status}`;
      throw new AuthError(
        `${host} refused the app id or key (GET /rooms: ${why}); ${notSaved}.`,
        `Check both in the EnableX portal and run \`enablex profile add ${name}\` again. ${SKIP}`,
      );
    }
    const reason = err instanceof Error ? err.message.replace(/\.$/, '') : String(err);
    if (err instanceof NetworkError || (err instanceof ApiError && err.exitCode === ExitCode.NETWORK)) {
      throw new NetworkError(
        `could not check the credentials: ${reason}; ${notSaved}.`,
        `Check the network (or a proxy), and --base-url if you gave one. ${SKIP}`,
      );
    }
    if (err instanceof ApiError) {
      throw new ApiError(
        `could not check the credentials: ${reason}; ${notSaved}.`,
        err.failure,
        err.exitCode,
        `Is ${http.baseUrl.toString()} the EnableX Video API (it ends in /video/v2)? ${SKIP}`,
      );
    }
    throw err;
  }
  return host;
}
