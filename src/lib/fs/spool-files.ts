import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerTempFile, unregisterTempFile } from './temp-registry.js';

const PREFIX = 'enablex-spool-';
let folder: string | undefined;
let serial = 0;

/**
 * True when no process with this id runs (a process of another user still counts as running).
 * @internal Exported for its table test: the rule itself is what the test checks.
 */
export function isDead(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes what runs that died (killed, out of memory, power cut) left behind: spool folders
 * `enablex-spool-<pid>-*` in the temp folder and `.<name>.<pid>.<hex>.partial` temp files of
 * `--out` files in `dir`, when their process is gone. Never fails: cleaning up is a courtesy.
 */
export function removeDeadRunFiles(dir?: string, name?: string): void {
  const sweep = (where: string, pattern: RegExp) => {
    let entries: string[];
    try {
      entries = readdirSync(where);
    } catch {
      return;
    }
    for (const entry of entries) {
      const pid = pattern.exec(entry)?.[1];
      if (pid === undefined || Number(pid) === process.pid || !isDead(Number(pid))) continue;
      try {
        rmSync(join(where, entry), { recursive: true, force: true });
      } catch {
        // Not ours to remove after all (permissions): leave it.
      }
    }
  };
  sweep(tmpdir(), new RegExp(`^${PREFIX}(\\d+)-`));
  if (dir !== undefined && name !== undefined) {
    sweep(
      dir,
      new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.[0-9a-f]+\\.partial$`),
    );
  }
}

/** A new spool file path in this run's private temp folder (registered for removal on a forced exit). */
export async function spoolPath(): Promise<string> {
  folder ??= mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
  const path = join(folder, `chunk-${++serial}`);
  registerTempFile(path);
  return path;
}

/** Removes a spool file. */
export async function releaseSpool(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
  unregisterTempFile(path);
}

/** Removes this run's spool folder once the export is over. */
export function removeSpoolFolder(): void {
  if (folder === undefined) return;
  rmSync(folder, { recursive: true, force: true });
  folder = undefined;
}
