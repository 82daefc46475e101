import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AtomicFile } from '../lib/fs/atomic.js';

/**
 * The manifest's file name inside the download folder.
 * @internal Exported for the tests, which find the manifest by it instead of repeating the name.
 */
export const MANIFEST_NAME = '.enablex-archive.json';

/**
 * What is known about one file. `size` is the full size the server announced (Content-Length of a
 * 200, or the total of a 206's Content-Range), then the size written; `etag`/`lastModified` are
 * the validators sent as If-Range on resume, so a file that changed on the server restarts.
 */
export interface ManifestRecord {
  complete: boolean;
  size?: number;
  etag?: string;
  lastModified?: string;
}

interface ManifestShape {
  version: 1;
  files: Record<string, ManifestRecord>;
}

/**
 * `.enablex-archive.json` in the download folder: the record of which files are complete. A
 * file is skipped only when the manifest says it is complete AND the file at its final name has
 * that size, so deleting or truncating a file, or the manifest, means it is fetched again.
 */
export class Manifest {
  private saving: Promise<void> = Promise.resolve();

  private constructor(
    readonly path: string,
    private readonly data: ManifestShape,
  ) {}

  /** Reads the manifest of `dir`; a missing one is empty, an unreadable one is reported and replaced. */
  static async load(dir: string, warn: (message: string) => void): Promise<Manifest> {
    const path = join(dir, MANIFEST_NAME);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      return new Manifest(path, { version: 1, files: {} });
    }
    try {
      const parsed = JSON.parse(text) as Partial<ManifestShape>;
      if (parsed.version === 1 && parsed.files && typeof parsed.files === 'object') {
        return new Manifest(path, { version: 1, files: parsed.files });
      }
    } catch {
      // Falls through to the warning: a damaged manifest only costs a fresh download.
    }
    warn(`${path} is not readable; every file will be checked again.`);
    return new Manifest(path, { version: 1, files: {} });
  }

  /** The record of a file, by its path relative to the folder (forward slashes). */
  get(rel: string): ManifestRecord | undefined {
    return this.data.files[rel];
  }

  /** True when the file at `full` (a regular file, not a link) is the complete one recorded. */
  async isComplete(rel: string, full: string): Promise<boolean> {
    const rec = this.get(rel);
    if (!rec?.complete || rec.size === undefined) return false;
    const size = await lstat(full).then(
      (s) => (s.isFile() ? s.size : -1),
      () => -1,
    );
    return size === rec.size;
  }

  /** Records a file and saves the manifest atomically (0600); saves run one after another. */
  set(rel: string, record: ManifestRecord): Promise<void> {
    this.data.files[rel] = record;
    const text = JSON.stringify(this.data, null, 2) + '\n';
    this.saving = this.saving
      .catch(() => undefined)
      .then(() => AtomicFile.writeText(this.path, text, { mode: 0o600 }));
    return this.saving;
  }
}
