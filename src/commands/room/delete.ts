import { deleteRoom } from '../../api/rooms.js';
import { CliError, ExitCode, PartialError, UsageError } from '../../lib/errors.js';
import type { Factory } from '../../factory.js';
import type { DeleteInput } from './delete.verb.js';
import { checkRoomRef, resolveRoomRefs } from '../room-ref.js';

/** One line of the delete report. */
interface Outcome {
  room_id: string;
  deleted: boolean;
  error?: string;
  /** The exit code of the failure, to tell "all missing" from "partly failed". */
  code?: number;
}

/** Failures that concern one room only; anything else (bad credentials, network, 5xx) stops the run. */
const PER_ROOM: readonly number[] = [ExitCode.API, ExitCode.NOT_FOUND];

/** `enablex room delete <room-id...>`: asks on a terminal, needs --yes otherwise; several ids allowed. */
export async function run({ args }: DeleteInput, f: Factory): Promise<void> {
  const refs = [...new Set(args.roomIds.map((a) => checkRoomRef(a, '<room-id>')))];
  // Refused before a name is looked up: a usage error sends nothing.
  if (!f.options.yes && !f.io.canPrompt) {
    throw new UsageError(
      `refusing to delete ${refs.length === 1 ? 'a room' : `${refs.length} rooms`} without --yes (${f.io.whyNoPrompt()}).`,
      'Add --yes to confirm.',
    );
  }
  const ids = [...new Set(await resolveRoomRefs(f, refs, '<room-id>'))];
  if (!f.options.yes) {
    const prompter = await f.prompter('--yes');
    const ok = await prompter.confirm(
      `Delete ${ids.length === 1 ? `room ${ids[0]}` : `${ids.length} rooms (${ids.join(', ')})`}? This cannot be undone.`,
    );
    if (!ok) {
      f.io.note('Nothing deleted.');
      return;
    }
  }
  const http = await f.http();
  const outcomes: Outcome[] = [];
  let lastError: CliError | undefined;
  for (const [i, id] of ids.entries()) {
    try {
      await deleteRoom(http, id);
      outcomes.push({ room_id: id, deleted: true });
      f.io.success(`Deleted room ${id}.`);
    } catch (err) {
      if (ids.length === 1 || f.signal.aborted) throw err;
      if (!(err instanceof CliError) || !PER_ROOM.includes(err.exitCode)) {
        // The same credentials and network serve every id: trying the rest would only repeat this.
        const untried = ids.slice(i + 1);
        f.io.note(`Stopped at room ${id}${untried.length ? `; not tried: ${untried.join(', ')}` : ''}.`);
        throw err;
      }
      lastError = err;
      outcomes.push({ room_id: id, deleted: false, error: err.message, code: err.exitCode });
      f.io.failure(`${id}: ${err.message}`);
    }
  }
  // -q: the ids of the rooms deleted, one a line.
  if (f.options.quiet)
    f.io.data(
      outcomes.filter((o) => o.deleted),
      { idField: 'room_id' },
    );
  else if (f.options.formatExplicit) f.io.data(outcomes, { idField: 'room_id' });
  const failed = outcomes.filter((o) => !o.deleted);
  if (failed.length === 0) return;
  // Nothing deleted and every failure alike (all not found, say): that code, not "partly failed".
  const codes = new Set(failed.map((o) => o.code));
  if (failed.length === ids.length && codes.size === 1 && lastError) {
    throw new CliError(`none of the ${ids.length} rooms were deleted.`, lastError.exitCode, lastError.hint);
  }
  throw new PartialError(
    `${failed.length} of ${ids.length} rooms ${failed.length === 1 ? 'was' : 'were'} not deleted.`,
    lastError?.hint,
  );
}
