import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Outputs, tempDir } from '../e2e/helpers/run.js';
import { APP_ID, APP_KEY, REC_PASSWORD, REC_USER, envFor } from './env.js';
import { ARCHIVE_CONF, ARCHIVE_FOLDER, startHostile } from './server.js';

// Finding 8: the recording credentials went to any host an archive listing named.
const out = new Outputs();
out.secret(APP_KEY, REC_PASSWORD);
out.basicSecret(APP_ID, APP_KEY);
out.basicSecret(REC_USER, REC_PASSWORD);
out.scan();

const REC_BASIC = `Basic ${Buffer.from(`${REC_USER}:${REC_PASSWORD}`).toString('base64')}`;

/** An API on 127.0.0.1 whose listing names files on 127.0.0.2: another host to the CLI. */
async function setup() {
  const files = await startHostile('archive', { listen: '127.0.0.2' });
  const api = await startHostile('archive', { fileOrigin: files.origin });
  return { api, files, host: files.origin.replace('http://', '') };
}

describe('archive download sends the recording credentials only to trusted hosts', () => {
  it('refuses files on a host outside the API domain: nothing sent there, exit 6, the way out named', async () => {
    const { api, files, host } = await setup();
    const dir = tempDir('untrusted');
    const r = await out.run(['archive', 'download', '--conf', ARCHIVE_CONF, '--dir', dir], {
      env: envFor(api.baseUrl),
    });
    expect(r.code).toBe(6);
    expect(r.stderr).toContain(`${host} is not trusted with the recording credentials`);
    expect(r.stderr).toContain('ENABLEX_RECORDING_HOSTS');
    expect(files.hits).toEqual([]);
    expect(existsSync(join(dir, ARCHIVE_FOLDER))).toBe(false);
  });

  it("--dry-run shows each file's host and whether the credentials would go there", async () => {
    const { api, files, host } = await setup();
    const dir = tempDir('dry');
    const r = await out.run(
      ['archive', 'download', '--conf', ARCHIVE_CONF, '--dir', dir, '--dry-run', '-o', 'json'],
      {
        env: envFor(api.baseUrl),
      },
    );
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows.map((x) => [x['host'], x['credentials'], x['action']])).toEqual([
      [host, 'not sent', 'refused'],
      [host, 'not sent', 'refused'],
    ]);
    const table = await out.run(['archive', 'download', '--conf', ARCHIVE_CONF, '--dir', dir, '--dry-run'], {
      env: envFor(api.baseUrl, { ENABLEX_RECORDING_HOSTS: '127.0.0.2' }),
    });
    expect(table.stdout).toMatch(/HOST/i);
    expect(table.stdout).toContain(host);
    expect(table.stdout).toMatch(/\bsent\b/);
    expect(files.hits).toEqual([]);
  });

  it('fetches them with the credentials once the host is listed in ENABLEX_RECORDING_HOSTS', async () => {
    const { api, files } = await setup();
    const dir = tempDir('allowed');
    const r = await out.run(['archive', 'download', '--conf', ARCHIVE_CONF, '--dir', dir], {
      env: envFor(api.baseUrl, { ENABLEX_RECORDING_HOSTS: '127.0.0.2' }),
    });
    expect(r.code).toBe(0);
    // Files are fetched several at a time: the order of arrival is not fixed.
    const hits = files.hits.map((h) => [h.url, h.headers.authorization]);
    expect(hits.sort()).toEqual([
      ['/rec/a.mp4', REC_BASIC],
      ['/rec/b.mp4', REC_BASIC],
    ]);
  });

  it('refuses a malformed ENABLEX_RECORDING_HOSTS with exit 2, before the listing', async () => {
    const { api } = await setup();
    const r = await out.run(['archive', 'download', '--conf', ARCHIVE_CONF, '--dir', tempDir('bad')], {
      env: envFor(api.baseUrl, { ENABLEX_RECORDING_HOSTS: 'https://files.example.com/x' }),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ENABLEX_RECORDING_HOSTS');
    expect(api.hits).toEqual([]);
  });
});
