import { UsageError } from '../errors.js';
import { FileWriteError } from './write-all.js';

const WHY: Readonly<Record<string, string>> = {
  ENOENT: 'its folder does not exist',
  EACCES: 'no permission to write there',
  EPERM: 'no permission to write there',
  ENOTDIR: 'a part of the path is not a folder',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file would pass the file-size limit, see `ulimit -f`',
  EISDIR: 'it is a folder: give a file name',
  EPIPE: 'the reader of the pipe went away',
  EIO: 'an input/output error on the device',
  ELOOP: 'too many symbolic links',
  ENXIO: 'the device is not there',
};

/**
 * The words for a local file failure (`no space left on the device`), or undefined when `err` is not
 * one the CLI knows (a network error, say).
 */
export function fileErrorWords(err: unknown): string | undefined {
  if (err instanceof FileWriteError) return err.message;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code ? WHY[code] : undefined;
}

/**
 * A local file failure as the exit-2 error users see: the flag, the path, what failed and why, in
 * words (`--out cdr.csv: writing failed (the file would pass the file-size limit …)`). The path is
 * the user's own input; the error never says "bug".
 */
export function outputError(err: unknown, flag: string, path: string, what: string): UsageError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const detail = fileErrorWords(err) ?? code ?? (err instanceof Error ? err.message : String(err));
  return new UsageError(`${flag} ${path}: ${what} (${detail}).`);
}
