import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeBaseUrl } from '../../api/base-url.js';
import { createHttp } from '../../api/http.js';
import { listRooms } from '../../api/rooms.js';
import { cacheKey, readCache, writeCache } from '../../completion/cache.js';
import { lineGlobals } from '../../completion/line-globals.js';
import type { Factory } from '../../factory.js';
import type { CompleteInput } from './complete.verb.js';

/** The whole budget of one completion: a TAB must never hang the shell. */
export const COMPLETE_TIMEOUT_MS = 2000;

/** Candidates are `value<TAB>description`; a tab or newline inside a name would break the line. */
const clean = (text: string): string => text.replace(/[\t\r\n]+/g, ' ').trim();

/** Saved profile names; none when there is no profile file yet (completion creates nothing). */
async function profiles(f: Factory): Promise<string[]> {
  if (!existsSync(join(f.configDir, 'config.json'))) return [];
  const store = await f.store();
  const fallback = store.defaultName();
  return store.names().map((n) => (n === fallback ? `${n}\tdefault profile` : n));
}

/** Room ids with their names, from GET /rooms of the account the line would use (cached briefly). */
async function rooms(f: Factory): Promise<string[]> {
  const creds = await f.credentials();
  const baseUrl = normalizeBaseUrl(creds.baseUrl, {
    insecure: f.options.insecure,
    source: creds.baseUrlSource === 'flag' ? undefined : creds.baseUrlSource,
  });
  // The in-process emulator listens on a new port each run: caching it would only grow the file.
  const cacheable = creds.credentialSource !== 'emulator';
  const key = cacheKey('rooms', baseUrl.toString(), creds.appId, creds.appKey);
  const now = f.clock.now().getTime();
  const cached = cacheable ? await readCache(f.configDir, key, now) : undefined;
  if (cached) return cached;
  const http = createHttp({
    baseUrl,
    appId: creds.appId,
    appKey: creds.appKey,
    userAgent: `enablex-cli/${f.version}`,
    timeoutMs: COMPLETE_TIMEOUT_MS,
    retries: 0,
    env: f.env,
    signal: AbortSignal.any([f.signal, AbortSignal.timeout(COMPLETE_TIMEOUT_MS)]),
    sleep: f.clock.sleep,
  });
  try {
    const lines = (await listRooms(http))
      .filter((r) => typeof r.room_id === 'string' && r.room_id !== '')
      .map((r) => {
        const name = typeof r.name === 'string' ? clean(r.name) : '';
        return name ? `${clean(r.room_id as string)}\t${name}` : clean(r.room_id as string);
      });
    if (cacheable) await writeCache(f.configDir, key, lines, now).catch(() => undefined);
    return lines;
  } finally {
    http.close?.();
  }
}

/**
 * `enablex __complete <profiles|rooms> [-- <words of the line>]`: the candidates the completion
 * scripts ask for, one per line. Never prompts, never prints an error (a TAB must not write into the
 * command line): any failure is exit 0 with no candidates.
 */
export async function run({ args }: CompleteInput, f: Factory): Promise<void> {
  const line = lineGlobals(args.words);
  const emulator = line.emulator === true || (f.options.emulator && !line.profile && !line.baseUrl);
  const inner = f.withOptions({
    profile: line.profile ?? f.options.profile,
    baseUrl: line.baseUrl ?? f.options.baseUrl,
    emulator,
    insecure: f.options.insecure || line.insecure === true,
    canPrompt: false,
    verbose: false,
    quiet: true,
  });
  try {
    const kind = args.source;
    const lines = kind === 'profiles' ? await profiles(inner) : kind === 'rooms' ? await rooms(inner) : [];
    if (lines.length) f.io.raw(`${lines.join('\n')}\n`);
  } catch {
    // No candidates: the shell shows nothing, which is all a TAB can say.
  } finally {
    await inner.cleanup();
  }
}
