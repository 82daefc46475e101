import { UsageError } from '../../lib/errors.js';
import { dataKeyProblem } from '../../lib/validate.js';

/**
 * Checks a --file body's `data` by the rules of `--data key=value`: an object whose keys are
 * letters, digits, "_" and "-" (at most 64, no object internals) and whose values are text, as the
 * flag can only give text. Returns the file unchanged; the error names the file key.
 */
export function checkFileData(file: unknown, flag = '--file'): unknown {
  if (typeof file !== 'object' || file === null || Array.isArray(file) || !Object.hasOwn(file, 'data')) {
    return file;
  }
  const data = (file as { data: unknown }).data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UsageError(`${flag}: "data" must be an object of key: text pairs, like --data key=value.`);
  }
  for (const [key, value] of Object.entries(data)) {
    const problem = dataKeyProblem(key);
    if (problem) throw new UsageError(`${flag}: "data.${key}": the key ${problem}.`);
    if (typeof value !== 'string') {
      throw new UsageError(
        `${flag}: "data.${key}" must be text (got ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value}), as --data ${key}=<text> gives.`,
        typeof value === 'number' || typeof value === 'boolean'
          ? `Quote it: ${key}: "${String(value)}".`
          : undefined,
      );
    }
  }
  return file;
}
