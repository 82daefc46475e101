import { ApiError, UsageError } from '../../errors.js';
import type { Runtime } from '../../runtime.js';
import type { CommandInput } from '../define.js';
import { readStdin } from '../input-file.js';
import { controlClient } from './control-client.js';

/** What the join control route answers. */
interface Joined {
  room_id: string;
  conf_num: string;
  ends_at: string;
  user: { name: string; user_ref: string; role: string; call_num: string };
}

/** `enablex emulator join <token>`: uses a token as a client would (single use, within 15 minutes). */
export async function run({ args }: CommandInput, rt: Runtime): Promise<void> {
  const token = (args[0] === '-' ? await readStdin(rt, '<token>') : (args[0] ?? '')).trim();
  if (token === '') throw new UsageError('<token> is empty.', 'Pass the token, or - to read it from stdin.');
  const control = await controlClient(rt);
  const joined = await control
    .request<Joined & { result?: unknown }>({ method: 'POST', path: 'join', json: { token } })
    .catch((err: unknown) => {
      throw err instanceof ApiError && err.failure.result === '40002' ? reusedToken(err) : err;
    });
  const { result: _result, ...shown } = joined;
  if (rt.globals.format === 'table' && !rt.globals.quiet) {
    rt.out.success(
      `${joined.user.name} (${joined.user.role}) joined room ${joined.room_id}, session ${joined.conf_num}.`,
    );
  }
  rt.out.data(shown, { idField: 'conf_num' });
}

/** When joining, 40002 means the token was spent: the API-wide hint (about rights) would mislead. */
export const JOIN_DENIED_HINT =
  'A token works once and for 15 minutes: it was already used or expired. Create a new one with `enablex token <room>`.';

function reusedToken(err: ApiError): ApiError {
  return new ApiError(err.message, err.failure, err.exitCode, JOIN_DENIED_HINT);
}
