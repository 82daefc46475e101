import type { OutStream } from '../../context.js';
import type { Http } from '../../api/http.js';
import { createRoom, deleteRoom, updateRoom } from '../../api/rooms.js';
import { AuthError, CliError, ExitCode, InterruptedError } from '../../lib/errors.js';
import type { PlanItem } from './apply-plan.js';

/** What happened to one room of the plan. */
export interface Outcome {
  action: 'create' | 'update' | 'replace' | 'delete';
  name: string;
  owner_ref: string;
  /** The room now (the new one after create and replace); the deleted one for delete. */
  room_id?: string;
  /** replace: the id of the room that was deleted. */
  old_room_id?: string;
  status: 'done' | 'failed' | 'not-tried';
  error?: string;
}

/** How the plan is carried out. */
export interface RunOptions {
  /** Requests at a time. */
  concurrency: number;
  /** Ctrl-C: no new room is started. */
  signal: AbortSignal;
  /** Called as each room finishes (the progress line). */
  onDone?: (outcome: Outcome) => void;
}

/** Failures that say nothing about the other rooms are per room; these say the rest would fail too. */
function stopsEverything(err: unknown): boolean {
  return (
    err instanceof AuthError ||
    err instanceof InterruptedError ||
    (err instanceof CliError && err.exitCode === ExitCode.AUTH)
  );
}

async function applyOne(http: Http, item: PlanItem): Promise<Outcome> {
  const action = item.action as Outcome['action'];
  const base = { action, name: item.name, owner_ref: item.owner_ref };
  switch (action) {
    case 'create': {
      const room = await createRoom(http, item.body ?? {});
      return { ...base, room_id: room.room_id, status: 'done' };
    }
    case 'update':
      await updateRoom(http, item.room_id as string, item.body ?? {});
      return { ...base, room_id: item.room_id, status: 'done' };
    case 'delete':
      await deleteRoom(http, item.room_id as string);
      return { ...base, room_id: item.room_id, status: 'done' };
    case 'replace': {
      // Delete first: if the create then fails, the next run sees no room and creates it. The other
      // order could leave two rooms of one identity, which apply refuses to guess between.
      await deleteRoom(http, item.room_id as string);
      try {
        const room = await createRoom(http, item.body ?? {});
        return { ...base, room_id: room.room_id, old_room_id: item.room_id, status: 'done' };
      } catch (err) {
        if (err instanceof CliError)
          throw new CliError(
            `deleted ${item.room_id}, but creating it again failed: ${err.message} Run apply again to create it.`,
            err.exitCode,
          );
        throw err;
      }
    }
  }
}

/**
 * Carries out the create, update, replace and delete items, `concurrency` at a time. A room that
 * fails is recorded and the others go on; bad credentials or Ctrl-C stop new work, and come back
 * as `stopped` once the requests in flight have ended. Each POST is sent once (the HTTP client never retries
 * one that may have reached the server), so a re-run, matching by name and owner_ref, finishes the job.
 */
export async function runPlan(
  http: Http,
  items: readonly PlanItem[],
  opts: RunOptions,
): Promise<{ outcomes: Outcome[]; stopped?: unknown }> {
  const outcomes: Outcome[] = new Array<Outcome>(items.length);
  let next = 0;
  let fatal: unknown;
  const worker = async () => {
    while (next < items.length && fatal === undefined && !opts.signal.aborted) {
      const i = next++;
      const item = items[i] as PlanItem;
      let outcome: Outcome;
      try {
        outcome = await applyOne(http, item);
      } catch (err) {
        if (stopsEverything(err) || opts.signal.aborted)
          fatal ??= opts.signal.aborted ? new InterruptedError() : err;
        outcome = {
          action: item.action as Outcome['action'],
          name: item.name,
          owner_ref: item.owner_ref,
          ...(item.room_id ? { room_id: item.room_id } : {}),
          status: 'failed',
          error: err instanceof Error ? err.message : String(err),
        };
      }
      outcomes[i] = outcome;
      opts.onDone?.(outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, items.length)) }, worker));
  if (fatal === undefined && opts.signal.aborted) fatal = new InterruptedError();
  // Rooms never started (the run stopped) are listed too, so the summary accounts for every room.
  for (const [i, item] of items.entries()) {
    outcomes[i] ??= {
      action: item.action as Outcome['action'],
      name: item.name,
      owner_ref: item.owner_ref,
      ...(item.room_id ? { room_id: item.room_id } : {}),
      status: 'not-tried',
    };
  }
  return fatal === undefined ? { outcomes } : { outcomes, stopped: fatal };
}

/** The `Applying 12/500 · 1 failed` line, redrawn on a terminal at most every 100 ms. */
export function progressLine(stream: OutStream, total: number): { done(o: Outcome): void; end(): void } {
  let done = 0;
  let failed = 0;
  let drawnAt = -Infinity;
  let drawn = false;
  const draw = (force: boolean) => {
    const now = performance.now();
    if (!force && now - drawnAt < 100) return;
    drawnAt = now;
    stream.write(`\r\x1b[2KApplying ${done}/${total}${failed ? ` · ${failed} failed` : ''}`);
    drawn = true;
  };
  return {
    done(o) {
      done++;
      if (o.status === 'failed') failed++;
      draw(done === total);
    },
    end() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
