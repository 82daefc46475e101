import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { API_ORIGIN, runCli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/temp.js';
import { useNock } from '../../helpers/nock.js';
import {
  ENTRY,
  ENTRY_FILES,
  FILES,
  FOLDER,
  REC_ENV,
  REC_PASSWORD,
  REC_USER,
  ROOM,
  filesUnder,
  stubFiles,
  stubListing,
} from './fixtures.js';

useNock();

function download(dir: string, extra: string[] = [], opts: { stderrTTY?: boolean } = {}) {
  return runCli(['archive', 'download', '--conf', '1234567', '--dir', dir, ...extra], {
    // Files on these hosts are trusted with the recording credentials, as the user would say.
    env: { ...REC_ENV, ENABLEX_RECORDING_HOSTS: 'files.example.org, 127.0.0.1' },
    ...opts,
  });
}

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

describe('archive download: paths stay inside --dir', () => {
  it('neutralises traversal in URLs, room ids and conference numbers', async () => {
    const root = tempDir();
    const dir = join(root, 'out');
    const urls = [
      `${FILES}/x/..%2F..%2F..%2Fetc%2Fpasswd`,
      `${FILES}/x/%2e%2e%2f%2e%2e%2fetc%2fpasswd`,
      `${FILES}/x/../../etc/passwd`,
      `${FILES}/x/..`,
      `${FILES}/x/%2e%2e`,
      `${FILES}/x/a%5c..%5c..%5cevil.exe`,
    ];
    stubListing([withRecordings(urls, { room_id: '../../..', conf_num: '../..', trans_date: '../2026' })]);
    nock(FILES).get(/.*/).times(urls.length).reply(200, 'x');
    const r = await download(dir);
    expect(r.code).toBe(0);
    const files = filesUnder(dir);
    expect(files).toEqual([
      '.enablex-archive.json',
      'undated_no-room_no-conf/recording-1-etc_passwd',
      'undated_no-room_no-conf/recording-2-etc_passwd',
      'undated_no-room_no-conf/recording-3-passwd',
      'undated_no-room_no-conf/recording-4-recording',
      'undated_no-room_no-conf/recording-5-recording',
      'undated_no-room_no-conf/recording-6-a_._._evil.exe',
    ]);
    // Nothing landed beside --dir.
    expect(filesUnder(root).every((f) => f.startsWith('out/'))).toBe(true);
  });

  it('refuses URLs that are not http(s): exit 6, listed, nothing fetched for them', async () => {
    const dir = tempDir();
    stubListing([
      withRecordings([
        'file:///etc/passwd',
        'ftp://files.enablex.test/a.mkv',
        'not a url',
        `${FILES}/ok.mkv`,
      ]),
    ]);
    nock(FILES).get('/ok.mkv').reply(200, 'ok');
    const r = await download(dir);
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('recording-1-recording: file: URLs are not fetched (only http and https)');
    expect(r.stderr).toContain('recording-2-recording: ftp: URLs are not fetched');
    expect(r.stderr).toContain('recording-3-recording: not a URL');
    expect(r.stderr).toContain('Downloaded 1, skipped 0, failed 3');
    expect(filesUnder(dir)).toEqual(['.enablex-archive.json', `${FOLDER}/recording-4-ok.mkv`]);
  });

  it('refuses plain http to a non-loopback host unless --insecure', async () => {
    const dir = tempDir();
    const entry = withRecordings(['http://files.example.org/a.mkv', 'http://127.0.0.1:9/b.mkv']);
    stubListing([entry]);
    nock('http://127.0.0.1:9').get('/b.mkv').reply(200, 'b');
    const r = await download(dir);
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('plain http:// to files.example.org refused');
    expect(r.stderr).toContain('Hint: Pass --insecure');
    expect(existsSync(join(dir, FOLDER, 'recording-2-b.mkv'))).toBe(true);

    stubListing([entry]);
    nock('http://files.example.org')
      .get('/a.mkv')
      .basicAuth({ user: REC_USER, pass: REC_PASSWORD })
      .reply(200, 'a');
    const again = await download(dir, ['--insecure']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('Downloaded 1, skipped 1, failed 0');
  });

  it('does not follow a redirect to plain http', async () => {
    const dir = tempDir();
    stubListing([withRecordings([`${FILES}/a.mkv`])]);
    nock(FILES).get('/a.mkv').reply(302, '', { location: 'http://evil.example.org/a.mkv' });
    const r = await download(dir);
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('redirected (HTTP 302) to a location that is not followed: plain http://');
  });

  it('follows an https redirect to another host without sending the credentials there', async () => {
    const dir = tempDir();
    stubListing([withRecordings([`${FILES}/a.mkv`])]);
    nock(FILES).get('/a.mkv').reply(302, '', { location: 'https://cdn.enablex.test/signed/a.mkv?sig=1' });
    nock('https://cdn.enablex.test', { badheaders: ['authorization'] })
      .get('/signed/a.mkv')
      .query({ sig: '1' })
      .reply(200, 'a');
    const r = await download(dir);
    expect(r.code).toBe(0);
  });
});

describe('archive download: secrets', () => {
  it('never prints the recording password, even with --verbose', async () => {
    const dir = tempDir();
    stubListing();
    stubFiles();
    const r = await download(dir, ['--verbose']);
    expect(r.code).toBe(0);
    const all = r.stdout + r.stderr;
    expect(all).toContain('> GET https://files.enablex.test/rec/a.mkv');
    expect(all).toContain('authorization: Basic [REDACTED]');
    expect(all).toMatch(/< 200/);
    expect(all).not.toContain(REC_PASSWORD);
    expect(all).not.toContain(Buffer.from(`${REC_USER}:${REC_PASSWORD}`).toString('base64'));
  });

  it('nor when a failure message echoes the request', async () => {
    const dir = tempDir();
    stubListing([withRecordings([`${FILES}/a.mkv`])]);
    // No stub matches, so nock fails the request with a message that lists its headers.
    nock(FILES).get('/a.mkv').matchHeader('x-never', '1').optionally().reply(200, 'a');
    const r = await download(dir);
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('"authorization": "[REDACTED]"');
    expect(r.stderr).not.toContain(Buffer.from(`${REC_USER}:${REC_PASSWORD}`).toString('base64'));
  });

  it('nor when the credentials are refused', async () => {
    const dir = tempDir();
    stubListing([withRecordings([`${FILES}/a.mkv`])]);
    nock(FILES).get('/a.mkv').reply(401, 'no');
    const r = await download(dir, ['--verbose']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('the recording credentials were refused');
    expect(r.stderr + r.stdout).not.toContain(REC_PASSWORD);
  });

  it("names the profile's recording credentials when they came from a profile", async () => {
    const dir = tempDir();
    const config = tempDir();
    writeFileSync(
      join(config, 'config.json'),
      JSON.stringify({
        defaultProfile: 'p',
        profiles: {
          p: {
            appId: 'a',
            appKey: 'k',
            baseUrl: `${API_ORIGIN}/video/v2`,
            recordingUser: REC_USER,
            recordingPassword: REC_PASSWORD,
          },
        },
      }),
      { mode: 0o600 },
    );
    stubListing([withRecordings([`${FILES}/a.mkv`])]);
    nock(FILES).get('/a.mkv').basicAuth({ user: REC_USER, pass: REC_PASSWORD }).reply(403, 'no');
    const r = await runCli(['archive', 'download', '--conf', '1234567', '--dir', dir], {
      env: { ENABLEX_APP_ID: '', ENABLEX_APP_KEY: '', ENABLEX_BASE_URL: '', ENABLEX_CONFIG_DIR: config },
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('recording user and password of the profile');
  });
});

describe('archive download: options and output', () => {
  it.each([
    [['--concurrency', '0'], /--concurrency must be a whole number from 1 to 16/],
    [['--concurrency', '17'], /--concurrency must be a whole number from 1 to 16/],
    [['--concurrency', '2x'], /--concurrency must be a whole number from 1 to 16/],
    [['--out', 'x.json'], /--out belongs to `enablex archive`/],
    [['--room', ROOM], /--conf cannot be combined with --room/],
  ])('%j is exit 2 before any request', async (flags, message) => {
    const r = await download(tempDir(), flags);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it("refuses archive's --out given before `download` too", async () => {
    const r = await runCli(['archive', '--out', 'x.json', 'download', '--conf', '1', '--dir', tempDir()], {
      env: REC_ENV,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out belongs to `enablex archive`/);
  });

  it('--dir is required, and must not be a file', async () => {
    const noDir = await runCli(['archive', 'download', '--conf', '1'], { env: REC_ENV });
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toContain("required option '--dir <dir>' not specified");
    const file = join(tempDir(), 'f');
    writeFileSync(file, '');
    const r = await download(file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('exists and is not a folder');
  });

  it('takes the filters before or after `download`', async () => {
    const dir = tempDir();
    nock(API_ORIGIN)
      .get(`/video/v2/archive/room-period/${ROOM}/2026-11-22/2026-11-29`)
      .reply(200, { result: '0', archive: [] });
    const r = await runCli(
      ['archive', '--room', ROOM, 'download', '--from', '7d', '--to', 'today', '--dir', dir],
      {
        env: REC_ENV,
      },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('No archives for this filter');
  });

  it('--dry-run lists the plan and fetches nothing', async () => {
    const dir = tempDir();
    stubListing();
    const dry = await download(dir, ['--dry-run', '-o', 'json']);
    expect(dry.code).toBe(0);
    const rows = JSON.parse(dry.stdout) as { path: string; action: string; url: string }[];
    expect(rows.map((r) => [r.path, r.action])).toEqual(ENTRY_FILES.map(([p]) => [p, 'download']));
    expect(rows[0]!.url).toBe(`${FILES}/rec/a.mkv`);
    expect(dry.stderr).toContain('Dry run: would fetch 5 files (0 resumed), skip 0 complete, refuse 0');
    expect(existsSync(dir)).toBe(true);
    expect(filesUnder(dir)).toEqual([]);
  });

  it('--dry-run after a run: skip and resume', async () => {
    const dir = tempDir();
    stubListing();
    stubFiles();
    expect((await download(dir)).code).toBe(0);
    writeFileSync(join(dir, `${ENTRY_FILES[0]![0]}.partial`), 'rec');
    writeFileSync(join(dir, ENTRY_FILES[0]![0]), 'damaged');
    stubListing();
    const dry = await download(dir, ['--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/recording-1-a\.mkv[\s│]+resume/);
    expect(dry.stdout).toMatch(/recording-2-b\.mkv[\s│]+skip/);
    expect(dry.stderr).toContain('would fetch 1 files (1 resumed), skip 4 complete');
  });

  it('--dry-run works without recording credentials, with a warning', async () => {
    stubListing();
    const r = await runCli([
      'archive',
      'download',
      '--conf',
      '1234567',
      '--dir',
      tempDir(),
      '--dry-run',
      '-q',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(ENTRY_FILES.map(([p]) => p));
    expect(r.stderr).toContain('no recording credentials are set');
  });

  it('-q prints the saved files and nothing else; -o json prints one row per file', async () => {
    const dir = tempDir();
    stubListing();
    stubFiles();
    const q = await download(dir, ['-q']);
    expect(q.code).toBe(0);
    expect(q.stderr).toBe('');
    expect(q.stdout.trim().split('\n')).toEqual(ENTRY_FILES.map(([p]) => join(dir, p)));

    stubListing();
    const json = await download(dir, ['-o', 'json']);
    expect(JSON.parse(json.stdout)).toEqual(
      // A skipped file reports its size on disk.
      ENTRY_FILES.map(([p, , body]) => ({
        file: join(dir, p),
        status: 'skipped',
        bytes: Buffer.byteLength(body),
      })),
    );
  });
});
