import {
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoom, startTestEmulator, type TestEmulator } from '../e2e/helpers/emulator.js';
import { Outputs, tempDir } from '../e2e/helpers/run.js';

/**
 * `archive download` as the built binary against the emulator, with a download folder that was
 * tampered with: a symbolic link planted at a `.partial` name, a loose umask, many files at once.
 */
const out = new Outputs();
out.scan();
let t: TestEmulator;
let room: string;
let conf: string;

beforeAll(async () => {
  t = await startTestEmulator({ outputs: out });
  room = await apiRoom(t, { name: 'Big recorded meeting' });
  // 12 people: 12 recordings, a transcoded file, chat and metadata: 15 files.
  const s = await t.control('POST', `/rooms/${room}/simulate`, { users: 12, minutes: 10 });
  conf = String(s['conf_num']);
});

/** The plan of a download into `dir`, from --dry-run: each file's path and URL. */
async function plan(dir: string): Promise<{ path: string; url: string }[]> {
  const r = await out.run(['archive', 'download', '--conf', conf, '--dir', dir, '--dry-run', '-o', 'json'], {
    env: t.envWithRecording(),
  });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { path: string; url: string }[];
}

/** Every regular file under `dir`, relative. */
function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

describe('archive download in a tampered folder', () => {
  it('a link planted at <file>.partial is left alone: the file it points to is untouched and no Range goes out', async () => {
    const root = tempDir('planted');
    const dir = join(root, 'audit');
    const files = await plan(dir);
    expect(files).toHaveLength(15);
    const target = files.find((f) => f.path.includes('/recording-1-')) as { path: string; url: string };
    const victim = join(root, 'victim.txt');
    writeFileSync(victim, 'precious');
    mkdirSync(dirname(join(dir, target.path)), { recursive: true });
    symlinkSync(victim, join(dir, `${target.path}.partial`));

    const mark = t.requests.length;
    const r = await out.run(['archive', 'download', '--conf', conf, '--dir', dir, '--concurrency', '16'], {
      env: t.envWithRecording(),
    });
    expect(r.code, r.stderr).toBe(6);
    expect(r.stderr).toMatch(/Downloaded 14, skipped 0, failed 1/);
    expect(r.stderr).toMatch(/\.partial is not a regular file/);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(join(dir, `${target.path}.partial`)).isSymbolicLink()).toBe(true);
    const fetched = t.since(mark).filter((l) => l.startsWith('GET /_files/'));
    expect(fetched).toHaveLength(14);
    expect(fetched.filter((l) => / 206 /.test(l))).toEqual([]);
    expect(fetched.filter((l) => l.startsWith(`GET ${new URL(target.url).pathname} `))).toEqual([]);
  });

  it('a session folder that is a symbolic link is not followed: its files fail, nothing lands outside --dir', async () => {
    const root = tempDir('linked-session');
    const dir = join(root, 'dl3');
    const outside = join(root, 'outside');
    mkdirSync(outside);
    mkdirSync(dir);
    const files = await plan(dir);
    const session = files[0]!.path.split('/')[0]!;
    expect(files.every((f) => f.path.startsWith(`${session}/`))).toBe(true);
    symlinkSync('../outside', join(dir, session));

    const mark = t.requests.length;
    const r = await out.run(['archive', 'download', '--conf', conf, '--dir', dir], {
      env: t.envWithRecording(),
    });
    expect(r.code, r.stderr).toBe(6);
    expect(r.stderr).toMatch(/Downloaded 0, skipped 0, failed 15/);
    expect(r.stderr).toContain(`folder ${session} is a symbolic link; remove it`);
    expect(readdirSync(outside)).toEqual([]);
    expect(lstatSync(join(dir, session)).isSymbolicLink()).toBe(true);
    expect(t.since(mark).filter((l) => l.startsWith('GET /_files/'))).toEqual([]);
  });

  it('15 files at once print no MaxListenersExceededWarning; under umask 022 every file is 0600, folders 0700', async () => {
    const dir = join(tempDir('private'), 'audit');
    const r = await out.bash(
      `umask 022; enablex archive download --conf ${conf} --dir '${dir}' --concurrency 16`,
      { env: t.envWithRecording() },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Downloaded 15, skipped 0, failed 0/);
    expect(r.stderr).not.toMatch(/MaxListeners|Warning/);
    const files = filesUnder(dir);
    expect(files).toHaveLength(16);
    for (const f of files) expect(statSync(join(dir, f)).mode & 0o777, f).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const session = readdirSync(dir).find((n) => n.endsWith(`_${conf}`)) as string;
    expect(statSync(join(dir, session)).mode & 0o777).toBe(0o700);
  });
});

describe('archive download under a file-size limit', () => {
  it('files too big for `ulimit -f` fail with the reason in words; nothing half-written under a final name', async () => {
    const dir = join(tempDir('ulimit-download'), 'audit');
    const r = await out.bash(
      `ulimit -f 1; enablex archive download --conf ${conf} --dir '${dir}' --retries 0`,
      {
        env: t.envWithRecording(),
      },
    );
    expect(r.signal).toBeNull();
    expect(r.code, r.stderr).toBe(6);
    expect(r.stderr).toMatch(
      /recording-1-[^:]+: cannot save the file \(the file would pass the file-size limit, see `ulimit -f`\)/,
    );
    expect(r.stderr).not.toMatch(/bug|EFBIG/);
    // Every file under a final name is complete: the big ones stay as .partial (at most 1 KiB).
    for (const f of filesUnder(dir)) {
      if (f.endsWith('.partial')) expect(statSync(join(dir, f)).size).toBeLessThanOrEqual(1024);
    }
    const manifest = JSON.parse(readFileSync(join(dir, '.enablex-archive.json'), 'utf8')) as {
      files: Record<string, { complete: boolean; size?: number }>;
    };
    for (const [rel, rec] of Object.entries(manifest.files)) {
      if (rec.complete) expect(statSync(join(dir, rel)).size, rel).toBe(rec.size);
    }
  });
});
