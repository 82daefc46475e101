import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Device numbers of Linux's memory devices. */
const DEVICES = { null: '1 3', full: '1 7' } as const;

/**
 * A character device to write to: as root, a private node made with mknod in `dir` (so a test
 * that goes wrong can never replace the real /dev/null or /dev/full); otherwise the /dev one,
 * which a non-root process cannot replace anyway.
 */
export function charDevice(dir: string, name: keyof typeof DEVICES): string {
  if (process.getuid?.() !== 0) return `/dev/${name}`;
  const path = join(dir, name);
  execFileSync('mknod', [path, 'c', ...DEVICES[name].split(' ')]);
  return path;
}

/** A block device path: a private loop-device node as root, else the first one in /dev. */
export function blockDevice(dir: string): string {
  if (process.getuid?.() === 0) {
    const path = join(dir, 'disk');
    execFileSync('mknod', [path, 'b', '7', '0']);
    return path;
  }
  const found = readdirSync('/dev')
    .map((n) => join('/dev', n))
    .find((p) => {
      try {
        return statSync(p).isBlockDevice();
      } catch {
        return false;
      }
    });
  if (!found) throw new Error('no block device in /dev to test with');
  return found;
}

/** A FIFO in `dir`. */
export function fifo(dir: string, name = 'pipe'): string {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  return path;
}
