import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * How long completion candidates from the API stay fresh: a TAB or two, not a session.
 * @internal Exported for the tests, which age the cache past it instead of repeating the number.
 */
export const CACHE_TTL_MS = 30_000;

/**
 * The file, in the config folder next to the profiles.
 * @internal Exported for the tests, which find the cache by it instead of repeating the name.
 */
export const CACHE_FILE = 'completion-cache.json';

/** One cached answer: when it was fetched and the candidates (`value\tdescription`). */
interface Entry {
  at: number;
  lines: string[];
}

type CacheShape = Record<string, Entry>;

/**
 * The cache key of an account: a hash of the base URL, app id and app key, so the file says which
 * account nothing is cached for and holds no secret.
 */
export function cacheKey(kind: string, baseUrl: string, appId: string, appKey: string): string {
  return createHash('sha256').update([kind, baseUrl, appId, appKey].join('\0')).digest('hex');
}

async function load(dir: string): Promise<CacheShape> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(dir, CACHE_FILE), 'utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as CacheShape) : {};
  } catch {
    return {};
  }
}

/** The fresh candidates for `key`, or undefined (missing, stale, unreadable). */
export async function readCache(dir: string, key: string, now: number): Promise<string[] | undefined> {
  const entry = (await load(dir))[key];
  if (!entry || !Array.isArray(entry.lines) || typeof entry.at !== 'number') return undefined;
  const age = now - entry.at;
  return age >= 0 && age < CACHE_TTL_MS ? entry.lines : undefined;
}

/**
 * Stores the candidates for `key`, dropping stale entries. Written to a private temp file (0600:
 * room names are the account's data) and renamed over the old one, so a concurrent TAB never
 * reads half a file.
 */
export async function writeCache(dir: string, key: string, lines: string[], now: number): Promise<void> {
  const all = await load(dir);
  const kept: CacheShape = {};
  for (const [k, e] of Object.entries(all)) {
    if (e && typeof e.at === 'number' && now - e.at < CACHE_TTL_MS) kept[k] = e;
  }
  kept[key] = { at: now, lines };
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, CACHE_FILE);
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, JSON.stringify(kept), { mode: 0o600 });
  await chmod(temp, 0o600);
  await rename(temp, file);
}
