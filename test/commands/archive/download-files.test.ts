import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/temp.js';
import { useNock } from '../../helpers/nock.js';
import { ENTRY, FILES, FOLDER, REC_ENV, filesUnder, stubListing } from './fixtures.js';

/** The files of an archive download: links, special files and names chosen by a hostile listing. */
useNock();

function download(dir: string, extra: string[] = []) {
  return runCli(['archive', 'download', '--conf', '1234567', '--dir', dir, ...extra], { env: REC_ENV });
}

const MANIFEST = '.enablex-archive.json';
/** An entry whose only files are these recording URLs. */
function withRecordings(urls: string[], extra: Record<string, unknown> = {}) {
  return {
    ...ENTRY,
    ...extra,
    recording: urls.map((url) => ({ url })),
    transcoded: [],
    chatdata: '',
    metadata: '',
  };
}
const A = `${FOLDER}/recording-1-a.mkv`;

/** A stub for /rec/a.mkv that may be called or not, recording the headers of each call. */
function watchA(body = 'recording a bytes'): Record<string, unknown>[] {
  const seen: Record<string, unknown>[] = [];
  nock(FILES)
    .get('/rec/a.mkv')
    .optionally()
    .reply(function () {
      seen.push({ ...this.req.headers });
      return [200, body, { 'content-length': String(body.length) }];
    });
  return seen;
}

describe('archive download: the .partial file is never a link or a special file', () => {
  it('a symbolic link at <file>.partial is not followed: the file outside --dir is untouched, no Range is sent', async () => {
    const root = tempDir();
    const dir = join(root, 'audit');
    mkdirSync(join(dir, FOLDER), { recursive: true });
    const victim = join(root, 'victim.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, join(dir, `${A}.partial`));
    stubListing([withRecordings([`${FILES}/rec/a.mkv`])]);
    const seen = watchA();
    const r = await download(dir);
    expect(r.code).toBe(6);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(seen).toEqual([]);
    expect(lstatSync(join(dir, `${A}.partial`)).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, `${A}.partial`))).toBe(victim);
    expect(existsSync(join(dir, A))).toBe(false);
    expect(r.stderr).toMatch(/recording-1-a\.mkv\.partial is not a regular file .*remove it, then run again/);
  });

  it('a dangling link at <file>.partial does not create its target', async () => {
    const root = tempDir();
    const dir = join(root, 'audit');
    mkdirSync(join(dir, FOLDER), { recursive: true });
    const planted = join(root, 'planted.sh');
    symlinkSync(planted, join(dir, `${A}.partial`));
    stubListing([withRecordings([`${FILES}/rec/a.mkv`])]);
    const seen = watchA();
    const r = await download(dir);
    expect(r.code).toBe(6);
    expect(existsSync(planted)).toBe(false);
    expect(seen).toEqual([]);
  });

  it('a FIFO at <file>.partial fails the file at once instead of hanging', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, FOLDER), { recursive: true });
    execFileSync('mkfifo', [join(dir, `${A}.partial`)]);
    stubListing([withRecordings([`${FILES}/rec/a.mkv`])]);
    const seen = watchA();
    const r = await download(dir);
    expect(r.code).toBe(6);
    expect(seen).toEqual([]);
    expect(lstatSync(join(dir, `${A}.partial`)).isFIFO()).toBe(true);
  });

  it('a regular partial still resumes with Range', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, FOLDER), { recursive: true });
    writeFileSync(join(dir, `${A}.partial`), 'recor');
    stubListing([withRecordings([`${FILES}/rec/a.mkv`])]);
    const seen: unknown[] = [];
    nock(FILES)
      .get('/rec/a.mkv')
      .reply(function () {
        seen.push(this.req.headers['range']);
        return [206, 'ding a bytes', { 'content-range': 'bytes 5-16/17' }];
      });
    const r = await download(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(seen).toEqual(['bytes=5-']);
    expect(readFileSync(join(dir, A), 'utf8')).toBe('recording a bytes');
  });
});

describe('archive download: recordings are private whatever the umask', () => {
  it('creates files and the manifest 0600 and new folders 0700 under umask 000', async () => {
    const dir = join(tempDir(), 'new', 'audit');
    stubListing([withRecordings([`${FILES}/rec/a.mkv`])]);
    watchA();
    const before = process.umask(0);
    let r;
    try {
      r = await download(dir);
    } finally {
      process.umask(before);
    }
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(join(dir, A)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, MANIFEST)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, FOLDER)).mode & 0o777).toBe(0o700);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('a resumed partial left readable by others becomes 0600 too', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, FOLDER), { recursive: true });
    writeFileSync(join(dir, `${A}.partial`), 'recor', { mode: 0o644 });
    stubListing([withRecordings([`${FILES}/rec/a.mkv`])]);
    nock(FILES).get('/rec/a.mkv').reply(206, 'ding a bytes', { 'content-range': 'bytes 5-16/17' });
    const r = await download(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(join(dir, A)).mode & 0o777).toBe(0o600);
  });
});

describe('archive download: a final name is never another file’s partial name', () => {
  it('x.mp4.partial and x.mp4 in one session each keep their own bytes, and the manifest is true', async () => {
    const dir = tempDir();
    const first = withRecordings([`${FILES}/one/x.mp4.partial`]);
    const second = withRecordings([`${FILES}/two/x.mp4`], { _id: 'a2' });
    stubListing([first, second]);
    nock(FILES).get('/one/x.mp4.partial').reply(200, 'FIRST FILE BYTES', { 'content-length': '16' });
    nock(FILES).get('/two/x.mp4').reply(200, 'second', { 'content-length': '6' });
    const r = await download(dir, ['--concurrency', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(filesUnder(dir)).toEqual([
      MANIFEST,
      `${FOLDER}/recording-1-x.mp4`,
      `${FOLDER}/recording-1-x.mp4_partial`,
    ]);
    expect(readFileSync(join(dir, FOLDER, 'recording-1-x.mp4_partial'), 'utf8')).toBe('FIRST FILE BYTES');
    expect(readFileSync(join(dir, FOLDER, 'recording-1-x.mp4'), 'utf8')).toBe('second');
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as {
      files: Record<string, { complete: boolean; size: number }>;
    };
    for (const [rel, rec] of Object.entries(manifest.files)) {
      expect(rec.complete).toBe(true);
      expect(statSync(join(dir, rel)).size).toBe(rec.size);
    }
  });

  it('names that differ only in case get distinct names (macOS and Windows fold case)', async () => {
    const dir = tempDir();
    const first = withRecordings([`${FILES}/c/Talk.mp4`]);
    const second = withRecordings([`${FILES}/d/talk.mp4`], { _id: 'a2' });
    stubListing([first, second]);
    nock(FILES).get('/c/Talk.mp4').reply(200, 'upper', { 'content-length': '5' });
    nock(FILES).get('/d/talk.mp4').reply(200, 'lower', { 'content-length': '5' });
    const r = await download(dir, ['--concurrency', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(filesUnder(dir)).toEqual([
      MANIFEST,
      `${FOLDER}/recording-1-Talk.mp4`,
      `${FOLDER}/recording-1-talk~2.mp4`,
    ]);
  });
});

describe('archive download: --dir is checked before any request', () => {
  it.each([
    ['/proc/nope/x', /--dir \/proc\/nope\/x: cannot create that folder \(its folder does not exist\)/],
    [
      '/sys/enablex-test/audit',
      /--dir \/sys\/enablex-test\/audit: (cannot create that folder|cannot save files there) \(no permission to write there\)/,
    ],
  ])('%s exits 2 at once, without listing', async (dir, message) => {
    const started = Date.now();
    const r = await download(dir);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/bug/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a file where a parent folder should be exits 2', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'file'), 'x');
    const r = await download(join(root, 'file', 'audit'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /--dir .*file\/audit: cannot save files there \(a part of the path is not a folder\)/,
    );
  });
});

describe('archive download: many files', () => {
  it('more than 10 files print no MaxListenersExceededWarning', async () => {
    const dir = tempDir();
    const urls = Array.from({ length: 14 }, (_, i) => `${FILES}/many/f${i}.mkv`);
    stubListing([withRecordings(urls)]);
    for (let i = 0; i < 14; i++) {
      nock(FILES)
        .get(`/many/f${i}.mkv`)
        .delay(20)
        .reply(200, `file ${i}`, { 'content-length': String(`file ${i}`.length) });
    }
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', onWarning);
    try {
      const r = await download(dir, ['--concurrency', '16']);
      expect(r.code, r.stderr).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.filter((w) => w.includes('MaxListeners'))).toEqual([]);
  });
});
