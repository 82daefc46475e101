import { listRooms } from '../../api/rooms.js';
import { PartialError, PendingChangesError, UsageError } from '../../lib/errors.js';
import type { Factory } from '../../factory.js';
import type { ApplyInput } from './apply.verb.js';
import { readBodyFile } from '../input-file.js';
import { planRows, renderDiff, roomLabel } from './apply-diff.js';
import { parseRoomsFile } from './apply-file.js';
import { computePlan, hasPending, unlisted, type PlanItem } from './apply-plan.js';
import { progressLine, runPlan, type Outcome } from './apply-run.js';

const MAX_CONCURRENCY = 32;

function checkOptions(o: ApplyInput['opts']): { file: string; concurrency: number } {
  if (!o.file) throw new UsageError('-f/--file is required: the rooms file to apply ("-" reads stdin).');
  if (o.exitCode && !o.dryRun)
    throw new UsageError('--exit-code needs --dry-run: it reports whether changes are pending.');
  const n = Number(o.concurrency);
  if (!/^\d+$/.test(o.concurrency.trim()) || n < 1 || n > MAX_CONCURRENCY)
    throw new UsageError(
      `--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY} (got "${o.concurrency}").`,
    );
  return { file: o.file, concurrency: n };
}

/** Asks before deleting or re-creating rooms; without a terminal, --yes must say it (exit 2 otherwise). */
async function confirmDestructive(f: Factory, todo: readonly PlanItem[]): Promise<boolean> {
  const deletes = todo.filter((i) => i.action === 'delete').length;
  const replaces = todo.filter((i) => i.action === 'replace').length;
  if ((deletes === 0 && replaces === 0) || f.options.yes) return true;
  const what = [
    deletes ? `delete ${deletes} room${deletes === 1 ? '' : 's'}` : '',
    replaces ? `delete and re-create ${replaces} room${replaces === 1 ? '' : 's'} (new room ids)` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  if (!f.io.canPrompt)
    throw new UsageError(
      `refusing to ${what} without --yes (${f.io.whyNoPrompt()}); nothing was changed.`,
      'Review the plan with --dry-run, then add --yes.',
    );
  const prompter = await f.prompter('--yes');
  return prompter.confirm(`Apply this plan and ${what}? This cannot be undone.`);
}

/** One summary line per room acted on, on stderr. */
function summarize(f: Factory, outcomes: readonly Outcome[]): void {
  const past: Record<Outcome['action'], string> = {
    create: 'created',
    update: 'updated',
    replace: 're-created',
    delete: 'deleted',
  };
  for (const o of outcomes) {
    if (o.status === 'done') {
      const ids = o.old_room_id ? `${o.room_id} (was ${o.old_room_id})` : (o.room_id ?? '');
      f.io.success(`${past[o.action]} ${roomLabel(o)} ${ids}`.trimEnd());
    } else if (o.status === 'failed') f.io.failure(`${o.action} ${roomLabel(o)}: ${o.error ?? 'failed'}`);
    else f.io.failure(`${o.action} ${roomLabel(o)}: not tried (the run stopped)`);
  }
}

/** `enablex room apply -f <file>`: check the file, plan against live rooms, show it, then apply it. */
export async function run({ opts: o }: ApplyInput, f: Factory): Promise<void> {
  const { file, concurrency } = checkOptions(o);
  const source = file === '-' ? 'stdin' : file;
  const desired = parseRoomsFile(await readBodyFile(f, file, '--file'), source);
  const http = await f.http();
  const live = await f.io.spin('Reading live rooms…', () => listRooms(http));
  const plan = computePlan(desired, live, { prune: o.prune === true, now: f.clock.now() });

  const table = f.options.format === 'table';
  if (table && !f.options.quiet) f.io.raw(renderDiff(plan, f.io.cStdout, { replace: o.replace === true }));
  if (!o.prune) {
    const extra = unlisted(desired, live).length;
    if (extra)
      f.io.note(
        `${extra} live room${extra === 1 ? '' : 's'} of these owner_refs not in the file (--prune deletes them).`,
      );
  }
  if (o.dryRun) {
    if (!table) f.io.data(planRows(plan));
    if (o.exitCode && hasPending(plan))
      throw new PendingChangesError('Changes are pending (exit 8): run without --dry-run to apply them.');
    return;
  }

  const held = plan.filter((i) => i.action === 'replace' && !o.replace);
  const todo = plan.filter(
    (i) => ['create', 'update', 'delete'].includes(i.action) || (i.action === 'replace' && o.replace),
  );
  const duplicates = plan.filter((i) => i.action === 'duplicate');
  if (!table)
    for (const s of plan.filter((i) => i.action === 'skip'))
      f.io.warn(`skipped ${roomLabel(s)}: ${s.reason}.`);
  if (todo.length === 0) {
    if (!table) f.io.data([]);
    if (held.length === 0 && duplicates.length === 0) {
      const skipped = plan.filter((i) => i.action === 'skip').length;
      f.io.success(
        skipped
          ? `No changes to make; ${skipped} room${skipped === 1 ? '' : 's'} skipped (listed above).`
          : 'No changes: the live rooms match the file.',
      );
      return;
    }
  } else if (!(await confirmDestructive(f, todo))) {
    f.io.note('Nothing changed.');
    return;
  }

  let outcomes: Outcome[] = [];
  if (todo.length) {
    const progress =
      f.io.stderr.isTTY && !f.options.quiet ? progressLine(f.io.stderr, todo.length) : undefined;
    const result = await runPlan(http, todo, {
      concurrency,
      signal: f.signal,
      onDone: (x) => progress?.done(x),
    });
    progress?.end();
    outcomes = result.outcomes;
    summarize(f, outcomes);
    // -q: the ids of the rooms created, updated, re-created or deleted.
    if (f.options.quiet)
      f.io.data(
        outcomes.filter((x) => x.status === 'done'),
        { idField: 'room_id' },
      );
    else if (!table) f.io.data(outcomes);
    if (result.stopped !== undefined) throw result.stopped;
  }

  const failed = outcomes.filter((x) => x.status !== 'done');
  const problems = [
    failed.length ? `${failed.length} of ${todo.length} changes failed` : '',
    held.length
      ? `${held.length} room${held.length === 1 ? ' needs' : 's need'} re-creation and ${held.length === 1 ? 'was' : 'were'} left as is`
      : '',
    duplicates.length
      ? `${duplicates.length} room${duplicates.length === 1 ? ' is' : 's are'} ambiguous (duplicate live rooms)`
      : '',
  ].filter(Boolean);
  if (problems.length === 0) {
    f.io.success(`Applied ${todo.length} change${todo.length === 1 ? '' : 's'}.`);
    return;
  }
  throw new PartialError(
    `${problems.join('; ')}.`,
    [
      failed.length ? 'Run the same apply again: what is done is kept, and only the rest is sent.' : '',
      held.length ? 'Add --replace to delete and re-create them (their room ids change).' : '',
      duplicates.length
        ? 'Delete or rename one room of each duplicate pair (`enablex room list --owner-ref …`).'
        : '',
    ]
      .filter(Boolean)
      .join(' '),
  );
}
