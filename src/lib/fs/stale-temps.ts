import { lstat, readdir, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** `.<name>.<pid>.<8 hex>.partial`: hidden, beside the target, naming the process that writes it. */
export function tempNameFor(path: string, pid: number = process.pid): string {
  return join(dirname(path), `.${basename(path)}.${pid}.${randomBytes(4).toString('hex')}.partial`);
}

/**
 * True while a process with this id runs (EPERM: it runs, as another user).
 * @internal Exported for its table test: the rule itself is what the test checks.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Removes the temp files a dead process left beside `path` (killed with SIGKILL, a crash, a power
 * cut): only names of our exact pattern for this target, only regular files, only when the process
 * the name carries is gone. Another running export's temp file is never touched. Never throws.
 */
export async function removeStaleTemps(
  path: string,
  alive: (pid: number) => boolean = processAlive,
): Promise<string[]> {
  const pattern = new RegExp(`^\\.${escapeRegExp(basename(path))}\\.(\\d+)\\.[0-9a-f]{8}\\.partial$`);
  const removed: string[] = [];
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1] ?? NaN);
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || alive(pid)) continue;
    const full = join(dirname(path), name);
    const st = await lstat(full).catch(() => undefined);
    if (!st?.isFile()) continue;
    if (
      await unlink(full).then(
        () => true,
        () => false,
      )
    )
      removed.push(full);
  }
  return removed;
}
