import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** Temporary folders of this test file, removed after its tests (hooks cannot be added inside a test). */
const temps = new Set<string>();
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  temps.clear();
});

/** A fresh temporary folder `enablex-<prefix>-XXXXXX`, removed after the file's tests at the latest. */
export function tempDir(prefix = 'test'): string {
  const dir = mkdtempSync(join(tmpdir(), `enablex-${prefix}-`));
  temps.add(dir);
  return dir;
}

/** Removes a folder made by tempDir now (for tests that need it gone before the file ends). */
export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  temps.delete(dir);
}

/** A temporary folder with its own `cleanup()`, for tests that scope it with try/finally or afterEach. */
export function scopedTempDir(prefix = 'test'): { dir: string; cleanup: () => void } {
  const dir = tempDir(prefix);
  return { dir, cleanup: () => removeTempDir(dir) };
}
