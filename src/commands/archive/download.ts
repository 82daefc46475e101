import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { listArchive } from '../../api/archive.js';
import { AuthError, UsageError } from '../../lib/errors.js';
import { checkFolder, makeFolders } from '../../lib/fs/folders.js';
import { outputError } from '../../lib/fs/output-error.js';
import type { Factory } from '../../factory.js';
import { wholeFlag } from '../../lib/validate.js';
import { resolveFilter } from '../report-filter.js';
import { recordingTrust } from '../../download/url-policy.js';
import { planFiles } from './plan.js';
import { resolveFilterRoom } from '../room-ref.js';
import { refuseUntrusted } from './trust.js';
import type { DownloadInput } from './download.verb.js';

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
export async function run({ opts }: DownloadInput, f: Factory): Promise<void> {
  if (opts.out !== undefined) {
    throw new UsageError(
      '--out belongs to `enablex archive`; `archive download` saves the files into --dir.',
    );
  }
  const checked = resolveFilter(opts, f.clock.now());
  const concurrency = wholeFlag(opts.concurrency, '--concurrency', 1, 16);
  const dir = await checkDir(opts.dir, f.cwd);
  const { recording } = await f.credentials();
  if (!recording && !opts.dryRun) throw missingRecording();
  const filter = await resolveFilterRoom(f, checked);
  const http = await f.http();
  // Checked before the listing is asked for: a bad allow-list is a usage error, nothing sent.
  const trust = recordingTrust(http.baseUrl, f.env);
  if (recording && !opts.dryRun) await createDir(dir);
  const entries = await f.io.spin('Listing archives…', () => listArchive(http, filter));
  if (entries.length === 0) {
    f.io.note('No archives for this filter: nothing to download.');
    return;
  }
  const plan = refuseUntrusted(planFiles(entries, dir, f.options.insecure), trust);
  if (opts.dryRun || !recording) {
    const { showDryRun } = await import('./dry-run.js');
    await showDryRun(plan, dir, f);
    if (!recording) f.io.warn('no recording credentials are set: a real run would stop before fetching.');
    return;
  }
  const { fetchPlan } = await import('./fetch-plan.js');
  await fetchPlan(plan, { dir, concurrency, recording, f });
}
