import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { listArchive } from '../../api/archive.js';
import { AuthError, UsageError } from '../../errors.js';
import { checkFolder, makeFolders } from '../../fs/folders.js';
import { outputError } from '../../fs/output-error.js';
import type { Runtime } from '../../runtime.js';
import { wholeFlag } from '../../validate.js';
import type { CommandInput } from '../define.js';
import { resolveFilter, type FilterFlags } from '../report-filter.js';
import { recordingTrust } from '../../download/url-policy.js';
import { planFiles } from './plan.js';
import { resolveFilterRoom } from '../room-ref.js';
import { refuseUntrusted } from './trust.js';

/** Options of `archive download`. */
export interface DownloadOptions extends FilterFlags {
  dir: string;
  concurrency: string;
  dryRun?: boolean;
}

/**
 * Commander gives an option to the first command that declares it, so `archive download --conf X`
 * sets `archive`'s --conf (download declares the filters too, for its help). Takes them from there.
 */
export function withParentFilters(
  own: Record<string, unknown>,
  parent: Record<string, unknown>,
): DownloadOptions {
  if (parent['out'] !== undefined) {
    throw new UsageError(
      '--out belongs to `enablex archive`; `archive download` saves the files into --dir.',
    );
  }
  const { conf, room, from, to } = parent as FilterFlags;
  return { conf, room, from, to, ...own } as DownloadOptions;
}

/**
 * Checks --dir without creating it: empty is refused, an existing non-folder too, and so is a
 * folder this process cannot write into (or create, for a missing one): exit 2 before any request.
 */
async function checkDir(raw: string, cwd: string): Promise<string> {
  if (raw.trim() === '') throw new UsageError('--dir needs a folder name.');
  const dir = resolve(cwd, raw);
  const existing = await stat(dir).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw new UsageError(`--dir: ${dir} exists and is not a folder.`);
  await checkFolder(dir).catch((err: unknown) => {
    throw outputError(err, '--dir', dir, 'cannot save files there');
  });
  return dir;
}

/** Creates --dir (new folders 0700: recordings are private) before the listing is requested. */
async function createDir(dir: string): Promise<void> {
  await makeFolders(dir).catch((err: unknown) => {
    throw outputError(err, '--dir', dir, 'cannot create that folder');
  });
}

/** Exit 3 for missing recording credentials, naming every way to provide them. */
function missingRecording(): AuthError {
  return new AuthError(
    'no recording credentials: archive files need the recording user and password set in the EnableX portal (not the app id and key).',
    'Set ENABLEX_RECORDING_USER and ENABLEX_RECORDING_PASSWORD, or save them in a profile with `enablex profile add <name> --recording-user <user> --recording-password-stdin`.',
  );
}

/**
 * `enablex archive download [filters] --dir <dir>`: every file of every matching session, saved
 * as `<dir>/<YYYY-MM-DD>_<room_id>_<conf_num>/<kind>-<n>-<name>`, with the recording credentials.
 */
export async function run({ opts, command }: CommandInput, rt: Runtime): Promise<void> {
  const flags = withParentFilters(opts, command.parent?.opts() ?? {});
  const checked = resolveFilter(flags, rt.ctx.now());
  const concurrency = wholeFlag(flags.concurrency, '--concurrency', 1, 16);
  const dir = await checkDir(flags.dir, rt.ctx.cwd);
  const { recording } = await rt.credentials();
  if (!recording && !flags.dryRun) throw missingRecording();
  const filter = await resolveFilterRoom(rt, checked);
  const http = await rt.http();
  // Checked before the listing is asked for: a bad allow-list is a usage error, nothing sent.
  const trust = recordingTrust(http.baseUrl, rt.ctx.env);
  if (recording && !flags.dryRun) await createDir(dir);
  const entries = await rt.out.spin('Listing archives…', () => listArchive(http, filter));
  if (entries.length === 0) {
    rt.out.note('No archives for this filter: nothing to download.');
    return;
  }
  const plan = refuseUntrusted(planFiles(entries, dir, rt.globals.insecure), trust);
  if (flags.dryRun || !recording) {
    const { showDryRun } = await import('./dry-run.js');
    await showDryRun(plan, dir, rt);
    if (!recording) rt.out.warn('no recording credentials are set: a real run would stop before fetching.');
    return;
  }
  const { fetchPlan } = await import('./fetch-plan.js');
  await fetchPlan(plan, { dir, concurrency, recording, rt });
}
