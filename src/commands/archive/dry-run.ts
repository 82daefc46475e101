import { lstat } from 'node:fs/promises';
import { Manifest } from '../../download/manifest.js';
import type { Factory } from '../../factory.js';
import type { PlannedFile } from './plan.js';
import { hostOf } from './trust.js';

/** What a real run would do with one file. */
type Action = 'download' | 'resume' | 'skip' | 'refused';

async function actionFor(item: PlannedFile, manifest: Manifest): Promise<Action> {
  if (!item.job) return 'refused';
  if (await manifest.isComplete(item.job.rel, item.job.full)) return 'skip';
  const partial = await lstat(`${item.job.full}.partial`).catch(() => undefined);
  return partial ? 'resume' : 'download';
}

/**
 * `archive download --dry-run`: the plan as data (path, action, the host each file comes from and
 * whether the recording credentials would go there, URL), from the manifest and disk only.
 */
export async function showDryRun(plan: readonly PlannedFile[], dir: string, f: Factory): Promise<void> {
  const manifest = await Manifest.load(dir, (m) => f.io.warn(m));
  const rows: Record<string, unknown>[] = [];
  const counts: Record<Action, number> = { download: 0, resume: 0, skip: 0, refused: 0 };
  for (const item of plan) {
    const action = await actionFor(item, manifest);
    counts[action]++;
    rows.push({
      path: item.path,
      action,
      host: hostOf(item),
      // Only files that would be fetched get the recording credentials; refused ones get nothing.
      credentials: item.job ? 'sent' : 'not sent',
      url: item.url,
      kind: item.kind,
      conf_num: item.conf_num,
      room_id: item.room_id,
      ...(item.refused ? { reason: item.refused } : {}),
    });
  }
  f.io.data(rows, { columns: ['path', 'action', 'host', 'credentials'], idField: 'path' });
  for (const item of plan) if (item.refused) f.io.warn(`${item.path} would be refused: ${item.refused}.`);
  f.io.note(
    `Dry run: would fetch ${counts.download + counts.resume} files (${counts.resume} resumed), ` +
      `skip ${counts.skip} complete, refuse ${counts.refused}, into ${dir}. Nothing was fetched.`,
  );
}
