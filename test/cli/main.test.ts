import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtomicFile } from '../../src/lib/fs/atomic.js';
import { interruptHandler, stderrErrorHandler, stdoutErrorHandler } from '../../src/main.js';
import { MemoryStream, tempConfigDir } from '../helpers/cli.js';

const errno = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('stdout write errors', () => {
  it.each([
    ['a closed pipe ends quietly with the code so far', errno('EPIPE', 'write EPIPE'), 0, ''],
    [
      'any other error is said in one line and exits 5',
      errno('EIO', 'write EIO'),
      5,
      'Error: cannot write to standard output: write EIO\n',
    ],
    [
      'a full disk too',
      errno('ENOSPC', 'ENOSPC: no space left on device, write'),
      5,
      'Error: cannot write to standard output: ENOSPC: no space left on device, write\n',
    ],
  ])('%s', (_what, err, code, said) => {
    const exits: number[] = [];
    const stderr = new MemoryStream();
    stdoutErrorHandler((c) => void exits.push(c), stderr)(err);
    expect(exits).toEqual([code]);
    expect(stderr.text).toBe(said);
  });
});

describe('Ctrl-C', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempConfigDir());
  });
  afterEach(() => cleanup());

  it('the first aborts the command; the second removes temp files and exits 130 at once', async () => {
    const file = await AtomicFile.create(join(dir, 'export.csv'));
    await file.write('half,written\n');
    const controller = new AbortController();
    const exits: number[] = [];
    const onSignal = interruptHandler(controller, (c) => void exits.push(c));

    onSignal('SIGINT');
    expect(controller.signal.aborted).toBe(true);
    expect(exits).toEqual([]);
    expect(existsSync(file.tempPath)).toBe(true);

    onSignal('SIGINT');
    expect(exits).toEqual([130]);
    expect(readdirSync(dir)).toEqual([]);
    await file.abort();
  });
});

describe('stderr write errors', () => {
  it.each([errno('EPIPE', 'write EPIPE'), errno('EIO', 'write EIO')])('are dropped: %s', (err) => {
    expect(() => stderrErrorHandler()(err)).not.toThrow();
  });
});
