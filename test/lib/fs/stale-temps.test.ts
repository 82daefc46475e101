import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtomicFile } from '../../../src/lib/fs/atomic.js';
import { processAlive, removeStaleTemps, tempNameFor } from '../../../src/lib/fs/stale-temps.js';
import { tempConfigDir } from '../../helpers/cli.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempConfigDir());
});
afterEach(() => cleanup());

/** The id of a process that has ended (it ran `true` and exited). */
function deadPid(): number {
  const child = spawnSync('true');
  expect(processAlive(child.pid)).toBe(false);
  return child.pid;
}

describe('temp files carry the pid of the process writing them', () => {
  it('names them .<name>.<pid>.<8 hex>.partial beside the target', () => {
    expect(tempNameFor(join(dir, 'cdr.csv'))).toMatch(
      new RegExp(`/\\.cdr\\.csv\\.${process.pid}\\.[0-9a-f]{8}\\.partial$`),
    );
    expect(processAlive(process.pid)).toBe(true);
  });
});

describe('stale temp files of a dead process are removed by the next write', () => {
  it("removes a dead process's temp files for the same target, and only those", async () => {
    const dead = deadPid();
    const stale = [`.cdr.csv.${dead}.0badc0de.partial`, `.cdr.csv.${dead}.12345678.partial`];
    const kept = [
      `.cdr.csv.${process.pid}.aaaaaaaa.partial`, // this process: in flight
      `.cdr.csv.1.bbbbbbbb.partial`, // pid 1 runs: someone else's export in flight
      `.other.csv.${dead}.cccccccc.partial`, // another target
      `.cdr.csv.${dead}.nothex!!.partial`, // not our pattern
      `cdr.csv.${dead}.dddddddd.partial`, // not hidden: not ours
      'cdr.csv.partial', // an archive download's resumable file
      'notes.txt',
    ];
    for (const name of [...stale, ...kept]) writeFileSync(join(dir, name), 'x');
    const removed = await removeStaleTemps(join(dir, 'cdr.csv'));
    expect(removed.sort()).toEqual(stale.map((n) => join(dir, n)).sort());
    expect(readdirSync(dir).sort()).toEqual([...kept].sort());
  });

  it('never follows or removes a link or a folder that looks like a temp file', async () => {
    const dead = deadPid();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    symlinkSync(victim, join(dir, `.cdr.csv.${dead}.eeeeeeee.partial`));
    mkdirSync(join(dir, `.cdr.csv.${dead}.ffffffff.partial`));
    expect(await removeStaleTemps(join(dir, 'cdr.csv'))).toEqual([]);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(readdirSync(dir)).toHaveLength(3);
  });

  it('AtomicFile.create cleans them before writing', async () => {
    const dead = deadPid();
    writeFileSync(join(dir, `.cdr.csv.${dead}.0badc0de.partial`), 'half an export');
    await AtomicFile.writeText(join(dir, 'cdr.csv'), 'whole\n');
    expect(readdirSync(dir)).toEqual(['cdr.csv']);
  });
});
