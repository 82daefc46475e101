import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/temp.js';
import { useNock } from '../../helpers/nock.js';
import {
  ENTRY,
  ENTRY_FILES,
  FILES,
  FOLDER,
  REC_ENV,
  filesUnder,
  stubFiles,
  stubListing,
} from './fixtures.js';

useNock();

/** `archive download --conf 1234567 --dir <dir>` with recording credentials in the environment. */
function download(dir: string, extra: string[] = [], env: Record<string, string> = REC_ENV) {
  return runCli(['archive', 'download', '--conf', '1234567', '--dir', dir, ...extra], { env });
}

const MANIFEST = '.enablex-archive.json';
const ONE_FILE = {
  ...ENTRY,
  recording: [{ url: `${FILES}/rec/a.mkv` }],
  transcoded: [],
  chatdata: '',
  metadata: '',
};
const A = `${FOLDER}/recording-1-a.mkv`;

describe('archive download', () => {
  it('fetches all four kinds under names that show date, room and conference', async () => {
    const dir = tempDir();
    stubListing();
    stubFiles();
    const r = await download(dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(filesUnder(dir)).toEqual([MANIFEST, ...ENTRY_FILES.map(([p]) => p)].sort());
    for (const [path, , body] of ENTRY_FILES) expect(readFileSync(join(dir, path), 'utf8')).toBe(body);
    for (const [path] of ENTRY_FILES) expect(r.stderr).toContain(`saved ${path} (`);
    expect(r.stderr).toContain(`Downloaded 5, skipped 0, failed 0 (65 B), into ${dir}.`);
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'));
    expect(manifest.files[A]).toMatchObject({ complete: true, size: 17 });
  });

  it('skips complete files on a second run (no file request is stubbed)', async () => {
    const dir = tempDir();
    stubListing();
    stubFiles();
    expect((await download(dir)).code).toBe(0);
    stubListing();
    const r = await download(dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Downloaded 0, skipped 5, failed 0 (0 B)');
  });

  it('-o json reports the size on disk of skipped files, and the tally counts only what moved', async () => {
    const dir = tempDir();
    stubListing();
    stubFiles();
    const first = await download(dir, ['-o', 'json']);
    expect(first.code).toBe(0);
    const fetched = JSON.parse(first.stdout) as { file: string; status: string; bytes: number }[];
    stubListing();
    const r = await download(dir, ['-o', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { file: string; status: string; bytes: number }[];
    expect(rows.map((row) => row.status)).toEqual(ENTRY_FILES.map(() => 'skipped'));
    for (const [path, , body] of ENTRY_FILES) {
      const row = rows.find((x) => x.file === join(dir, path));
      expect(row?.bytes, path).toBe(Buffer.byteLength(body));
    }
    expect(rows.map((row) => row.bytes)).toEqual(fetched.map((row) => row.bytes));
    expect(r.stderr).toContain('Downloaded 0, skipped 5, failed 0 (0 B)');
  });

  it('fetches again a file that was deleted or changed size since', async () => {
    const dir = tempDir();
    stubListing();
    stubFiles();
    expect((await download(dir)).code).toBe(0);
    writeFileSync(join(dir, ENTRY_FILES[4]![0]), 'truncated');
    stubListing();
    stubFiles([ENTRY_FILES[4]!]);
    const r = await download(dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Downloaded 1, skipped 4, failed 0');
    expect(readFileSync(join(dir, ENTRY_FILES[4]![0]), 'utf8')).toBe('{"meta":1}');
  });

  it('resumes a partial file with a Range request (206 appends)', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, FOLDER), { recursive: true });
    writeFileSync(join(dir, `${A}.partial`), 'recor');
    stubListing([ONE_FILE]);
    nock(FILES)
      .get('/rec/a.mkv')
      .matchHeader('range', 'bytes=5-')
      .reply(206, 'ding a bytes', { 'content-range': 'bytes 5-16/17', 'content-length': '12' });
    const r = await download(dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, A), 'utf8')).toBe('recording a bytes');
    expect(existsSync(join(dir, `${A}.partial`))).toBe(false);
    expect(r.stderr).toContain('Downloaded 1, skipped 0, failed 0 (12 B)');
  });

  it('starts over when the server answers a Range request with 200', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, FOLDER), { recursive: true });
    writeFileSync(join(dir, `${A}.partial`), 'XXXXXXXXX');
    stubListing([ONE_FILE]);
    nock(FILES)
      .get('/rec/a.mkv')
      .matchHeader('range', 'bytes=9-')
      .reply(200, 'recording a bytes', { 'content-length': '17' });
    const r = await download(dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, A), 'utf8')).toBe('recording a bytes');
  });

  it('takes a partial file as whole when the server says 416 for exactly its size', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, FOLDER), { recursive: true });
    writeFileSync(join(dir, `${A}.partial`), 'recording a bytes');
    stubListing([ONE_FILE]);
    nock(FILES)
      .get('/rec/a.mkv')
      .matchHeader('range', 'bytes=17-')
      .reply(416, '', { 'content-range': 'bytes */17' });
    const r = await download(dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, A), 'utf8')).toBe('recording a bytes');
  });

  it('restarts when a 206 does not start where the partial file ends', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, FOLDER), { recursive: true });
    writeFileSync(join(dir, `${A}.partial`), 'recor');
    stubListing([ONE_FILE]);
    nock(FILES)
      .get('/rec/a.mkv')
      .matchHeader('range', 'bytes=5-')
      .reply(206, 'a bytes', { 'content-range': 'bytes 10-16/17' });
    nock(FILES)
      .get('/rec/a.mkv')
      .matchHeader('range', (v) => v === undefined)
      .reply(200, 'recording a bytes');
    const r = await download(dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, A), 'utf8')).toBe('recording a bytes');
  });

  it('a cut transfer is retried and resumes where it stopped', async () => {
    const dir = tempDir();
    stubListing([ONE_FILE]);
    nock(FILES)
      .get('/rec/a.mkv')
      .reply(
        200,
        () => {
          const body = new PassThrough();
          body.write('recor');
          setTimeout(() => body.destroy(new Error('connection reset')), 50);
          return body;
        },
        { 'content-length': '17', etag: '"v1"' },
      );
    nock(FILES)
      .get('/rec/a.mkv')
      .matchHeader('range', 'bytes=5-')
      .matchHeader('if-range', '"v1"')
      .reply(206, 'ding a bytes', { 'content-range': 'bytes 5-16/17' });
    const r = await download(dir, ['--retries', '1']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, A), 'utf8')).toBe('recording a bytes');
    expect(r.ctx.sleeps).toHaveLength(1);
  });

  it('keeps every byte that arrived before the connection broke, for the resume', async () => {
    const dir = tempDir();
    stubListing([ONE_FILE]);
    // The body ends after 5 of the 17 promised bytes, in the same tick as the data.
    nock(FILES).get('/rec/a.mkv').reply(200, 'recor', { 'content-length': '17' });
    const r = await download(dir);
    expect(r.code).toBe(6);
    expect(readFileSync(join(dir, `${A}.partial`), 'utf8')).toBe('recor');
    expect(existsSync(join(dir, A))).toBe(false);
  });

  it('retries a 5xx, then fails the file with exit 6 when retries run out', async () => {
    const dir = tempDir();
    stubListing([ONE_FILE]);
    nock(FILES).get('/rec/a.mkv').times(2).reply(503, 'busy');
    const r = await download(dir, ['--retries', '1']);
    expect(r.code).toBe(6);
    expect(r.stderr).toContain(`✗ ${A}: the file server answered HTTP 503`);
    expect(r.ctx.sleeps).toHaveLength(1);
  });
  it('announces a long wait before retrying a file, in the words of an API retry', async () => {
    const dir = tempDir();
    stubListing([ONE_FILE]);
    nock(FILES).get('/rec/a.mkv').reply(503, 'busy', { 'retry-after': '12' });
    nock(FILES).get('/rec/a.mkv').reply(200, 'recording-a-bytes');
    const r = await download(dir, ['--retries', '1']);
    expect(r.code).toBe(0);
    expect(r.ctx.sleeps).toEqual([12_000]);
    expect(r.stderr).toContain(
      `Waiting 12 s before retrying GET ${A} (attempt 2 of 2): ${A}: the file server answered HTTP 503`,
    );
  });
});

describe('archive download: failures', () => {
  it('403 from the file server is exit 3: the recording credentials were refused', async () => {
    const dir = tempDir();
    stubListing();
    let hits = 0;
    nock(FILES)
      .get(/.*/)
      .times(5)
      .optionally()
      .reply(() => {
        hits++;
        return [403, 'Forbidden'];
      });
    const r = await download(dir, ['--concurrency', '1']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      'the recording credentials were refused: files.enablex.test answered HTTP 403',
    );
    expect(r.stderr).toContain('ENABLEX_RECORDING_USER and ENABLEX_RECORDING_PASSWORD');
    expect(filesUnder(dir).filter((f) => !f.endsWith('.partial') && f !== MANIFEST)).toEqual([]);
    // The first refusal stops the run: one request, not five.
    expect(hits).toBe(1);
  });

  it('missing recording credentials are exit 3 before any request', async () => {
    const dir = tempDir();
    const r = await download(dir, [], {});
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('no recording credentials');
    for (const s of [
      'ENABLEX_RECORDING_USER',
      'ENABLEX_RECORDING_PASSWORD',
      'enablex profile add',
      '--recording-user',
    ]) {
      expect(r.stderr).toContain(s);
    }
  });

  it('one failing file is exit 6; the others are saved and the failure is listed', async () => {
    const dir = tempDir();
    stubListing();
    stubFiles(ENTRY_FILES.filter(([p]) => !p.includes('transcoded')));
    nock(FILES).get('/trans/out.mov').reply(404, 'no');
    const r = await download(dir);
    expect(r.code).toBe(6);
    expect(r.stderr).toContain(`✗ ${FOLDER}/transcoded-1-out.mov: not found on the file server (HTTP 404)`);
    expect(r.stderr).toContain('Downloaded 4, skipped 0, failed 1');
    expect(r.stderr).toContain('Error: 1 of 5 files failed.');
    expect(filesUnder(dir)).toHaveLength(5);
  });

  it('Ctrl-C leaves only the .partial file, and the next run resumes it with If-Range', async () => {
    const dir = tempDir();
    const controller = new AbortController();
    stubListing([ONE_FILE]);
    nock(FILES)
      .get('/rec/a.mkv')
      .reply(
        200,
        () => {
          const body = new PassThrough();
          body.write('recor');
          setTimeout(() => controller.abort(), 100);
          return body;
        },
        { 'content-length': '17', etag: '"v1"' },
      );
    const r = await runCli(['archive', 'download', '--conf', '1234567', '--dir', dir], {
      env: REC_ENV,
      signal: controller.signal,
    });
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('unfinished files stay as *.partial');
    expect(filesUnder(dir)).toEqual([MANIFEST, `${A}.partial`]);
    expect(readFileSync(join(dir, `${A}.partial`), 'utf8')).toBe('recor');

    stubListing([ONE_FILE]);
    nock(FILES)
      .get('/rec/a.mkv')
      .matchHeader('range', 'bytes=5-')
      .matchHeader('if-range', '"v1"')
      .reply(206, 'ding a bytes', { 'content-range': 'bytes 5-16/17' });
    const again = await download(dir);
    expect(again.code).toBe(0);
    expect(filesUnder(dir)).toEqual([MANIFEST, A]);
    expect(readFileSync(join(dir, A), 'utf8')).toBe('recording a bytes');
  });
});
