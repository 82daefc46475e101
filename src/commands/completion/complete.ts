import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeBaseUrl } from '../../api/base-url.js';
import { createHttp } from '../../api/http.js';
import { listRooms } from '../../api/rooms.js';
import { cacheKey, readCache, writeCache } from '../../completion/cache.js';
import { lineGlobals } from '../../completion/line-globals.js';
import { Runtime } from '../../runtime.js';
import type { CommandInput } from '../define.js';

/** The whole budget of one completion: a TAB must never hang the shell. */
export const COMPLETE_TIMEOUT_MS = 2000;

/** Candidates are `value<TAB>description`; a tab or newline inside a name would break the line. */
const clean = (text: string): string => text.replace(/[\t\r\n]+/g, ' ').trim();

/** Saved profile names; none when there is no profile file yet (completion creates nothing). */
async function profiles(rt: Runtime): Promise<string[]> {
  if (!existsSync(join(rt.configDir, 'config.json'))) return [];
  const store = await rt.store();
  const fallback = store.defaultName();
  return store.names().map((n) => (n === fallback ? `${n}\tdefault profile` : n));
}

/** Room ids with their names, from GET /rooms of the account the line would use (cached briefly). */
async function rooms(rt: Runtime): Promise<string[]> {
  const creds = await rt.credentials();
  const baseUrl = normalizeBaseUrl(creds.baseUrl, {
    insecure: rt.globals.insecure,
    source: creds.baseUrlSource === 'flag' ? undefined : creds.baseUrlSource,
  });
  // The in-process emulator listens on a new port each run: caching it would only grow the file.
  const cacheable = creds.credentialSource !== 'emulator';
  const key = cacheKey('rooms', baseUrl.toString(), creds.appId, creds.appKey);
  const now = rt.ctx.now().getTime();
  const cached = cacheable ? await readCache(rt.configDir, key, now) : undefined;
  if (cached) return cached;
  const http = createHttp({
    baseUrl,
    appId: creds.appId,
    appKey: creds.appKey,
    userAgent: `enablex-cli/${rt.ctx.version}`,
    timeoutMs: COMPLETE_TIMEOUT_MS,
    retries: 0,
    env: rt.ctx.env,
    signal: AbortSignal.any([rt.ctx.signal, AbortSignal.timeout(COMPLETE_TIMEOUT_MS)]),
    sleep: rt.ctx.sleep,
  });
  try {
    const lines = (await listRooms(http))
      .filter((r) => typeof r.room_id === 'string' && r.room_id !== '')
      .map((r) => {
        const name = typeof r.name === 'string' ? clean(r.name) : '';
        return name ? `${clean(r.room_id as string)}\t${name}` : clean(r.room_id as string);
      });
    if (cacheable) await writeCache(rt.configDir, key, lines, now).catch(() => undefined);
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
export async function run({ args }: CommandInput, rt: Runtime): Promise<void> {
  const [kind, ...words] = args;
  const line = lineGlobals(words);
  const emulator = line.emulator === true || (rt.globals.emulator && !line.profile && !line.baseUrl);
  const inner = new Runtime(rt.ctx, {
    ...rt.globals,
    profile: line.profile ?? rt.globals.profile,
    baseUrl: line.baseUrl ?? rt.globals.baseUrl,
    emulator,
    insecure: rt.globals.insecure || line.insecure === true,
    canPrompt: false,
    verbose: false,
    quiet: true,
  });
  inner.warnLoosePermissions = false;
  try {
    const lines = kind === 'profiles' ? await profiles(inner) : kind === 'rooms' ? await rooms(inner) : [];
    if (lines.length) rt.out.raw(`${lines.join('\n')}\n`);
  } catch {
    // No candidates: the shell shows nothing, which is all a TAB can say.
  } finally {
    await inner.cleanup();
  }
}
