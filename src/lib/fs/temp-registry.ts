import { unlinkSync } from 'node:fs';

/**
 * Temp files in flight, so a forced exit (a second Ctrl-C skips every async cleanup) can still
 * remove them synchronously and leave nothing half-written behind.
 */
const tempFiles = new Set<string>();

/** Remembers a temp file to remove if the process is forced to exit. */
export function registerTempFile(path: string): void {
  tempFiles.add(path);
}

/** Forgets a temp file once it was renamed into place or removed. */
export function unregisterTempFile(path: string): void {
  tempFiles.delete(path);
}

/**
 * The temp files currently registered (for tests and diagnostics).
 * @internal Exported for the tests, which check that every temp file is unregistered once written or removed.
 */
export function registeredTempFiles(): string[] {
  return [...tempFiles];
}

/** Removes every registered temp file, synchronously; a file already gone is fine. */
export function removeAllTempFilesSync(): void {
  for (const path of tempFiles) {
    try {
      unlinkSync(path);
    } catch {
      // Already renamed or removed, or not removable: exiting matters more than this file.
    }
  }
  tempFiles.clear();
}
