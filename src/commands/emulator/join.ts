import { ApiError, UsageError } from '../../lib/errors.js';
import type { Factory } from '../../factory.js';
import { readStdin } from '../input-file.js';
import { controlClient } from './control-client.js';
import type { JoinInput } from './join.verb.js';

/** What the join control route answers. */
interface Joined {
  room_id: string;
  conf_num: string;
  ends_at: string;
  user: { name: string; user_ref: string; role: string; call_num: string };
}

/** `enablex emulator join <token>`: uses a token as a client would (single use, within 15 minutes). */
export async function run({ args }: JoinInput, f: Factory): Promise<void> {
  const token = (args.token === '-' ? await readStdin(f, '<token>') : args.token).trim();
  if (token === '') throw new UsageError('<token> is empty.', 'Pass the token, or - to read it from stdin.');
  const control = await controlClient(f);
  const joined = await control
    .request<Joined & { result?: unknown }>({ method: 'POST', path: 'join', json: { token } })
    .catch((err: unknown) => {
      throw err instanceof ApiError && err.failure.result === '40002' ? reusedToken(err) : err;
    });
  const { result: _result, ...shown } = joined;
  if (f.options.format === 'table' && !f.options.quiet) {
    f.io.success(
      `${joined.user.name} (${joined.user.role}) joined room ${joined.room_id}, session ${joined.conf_num}.`,
    );
  }
  f.io.data(shown, { idField: 'conf_num' });
}

/** When joining, 40002 means the token was spent: the API-wide hint (about rights) would mislead. */
export const JOIN_DENIED_HINT =
  'A token works once and for 15 minutes: it was already used or expired. Create a new one with `enablex token <room>`.';

function reusedToken(err: ApiError): ApiError {
  return new ApiError(err.message, err.failure, err.exitCode, JOIN_DENIED_HINT);
}
