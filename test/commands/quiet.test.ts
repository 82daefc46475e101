import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { API_ORIGIN, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { useNock } from '../helpers/nock.js';
import { cdrBody, cdrRecord } from './cdr/fixtures.js';

useNock();

/** `-q` prints identifiers, one a line, or nothing: what each command prints is fixed here. */
const api = () => nock(API_ORIGIN);
const A = 'a'.repeat(24);
const B = 'b'.repeat(24);
const records = [
  cdrRecord({ cdr_id: 'cdr-1', room: { room_id: A } }),
  cdrRecord({ cdr_id: 'cdr-2', room: { room_id: B } }),
];

describe('-q: only identifiers or nothing', () => {
  it('cdr: the cdr ids', async () => {
    api().get('/video/v2/cdr/conf/7').reply(200, cdrBody(records));
    const r = await runCli(['cdr', '--conf', '7', '-q']);
    expect(r).toMatchObject({ code: 0, stdout: 'cdr-1\ncdr-2\n', stderr: '' });
  });

  it('cdr --out: the file as usual, nothing on stdout or stderr', async () => {
    const dir = tempDir();
    api().get('/video/v2/cdr/conf/7').reply(200, cdrBody(records));
    const r = await runCli(['cdr', '--conf', '7', '--out', join(dir, 'cdr.csv'), '-q']);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'cdr.csv'), 'utf8')).toContain('cdr-2');
  });

  it('cdr summary: the room ids that had records', async () => {
    api().get('/video/v2/cdr/conf/7').reply(200, cdrBody(records));
    const r = await runCli(['cdr', 'summary', '--conf', '7', '-q']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean).sort()).toEqual([A, B]);
    expect(r.stderr).toBe('');
  });

  it('dialin: the phone numbers', async () => {
    api()
      .get('/video/v2/dialin/')
      .reply(200, {
        app_key: 'secret-app-key-0000000000000000000',
        dialin: [
          { country: 'India', phone: '8012345678', toll: false },
          { country: 'US', phone: '2025550100', toll: true },
        ],
      });
    const r = await runCli(['dialin', '-q']);
    expect(r).toMatchObject({ code: 0, stdout: '8012345678\n2025550100\n', stderr: '' });
  });

  it('room delete: the ids deleted, not the failed ones', async () => {
    api()
      .delete(`/video/v2/rooms/${A}`)
      .reply(200, { result: 0 })
      .delete(`/video/v2/rooms/${B}`)
      .reply(404, { result: '40001', error: 'Room not found' });
    const r = await runCli(['room', 'delete', A, B, '--yes', '-q']);
    expect(r.code).toBe(6);
    expect(r.stdout).toBe(`${A}\n`);
  });

  it('api: nothing (the exit code tells)', async () => {
    api().get('/video/v2/rooms').reply(200, { result: 0, rooms: [] });
    const r = await runCli(['api', 'get', 'rooms', '-q']);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('room apply: the ids of the rooms changed; a dry run prints nothing', async () => {
    const dir = tempDir();
    const file = join(dir, 'rooms.json');
    writeFileSync(file, JSON.stringify({ rooms: [{ name: 'New', owner_ref: 'q' }] }));
    api().get('/video/v2/rooms').twice().reply(200, { result: 0, rooms: [] });
    const dry = await runCli(['room', 'apply', '-f', file, '--dry-run', '-q']);
    expect(dry).toMatchObject({ code: 0, stdout: '', stderr: '' });
    api()
      .post('/video/v2/rooms')
      .reply(200, { result: 0, room: { room_id: A, name: 'New', owner_ref: 'q' } });
    const r = await runCli(['room', 'apply', '-f', file, '-q']);
    expect(r).toMatchObject({ code: 0, stdout: `${A}\n`, stderr: '' });
  });
});
