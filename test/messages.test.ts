import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOIN_DENIED_HINT } from '../src/commands/emulator/join.js';
import { API_ORIGIN, runCli, tempConfigDir } from './helpers/cli.js';
import { useNock } from './helpers/nock.js';

useNock();

/** Every hint matches its error: the messages users met with the wrong advice. */
const ROOM = '5f3b2c1a9d8e7f6a5b4c3d2e';
const NGINX_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

let cfg: ReturnType<typeof tempConfigDir>;
beforeEach(() => {
  cfg = tempConfigDir();
});
afterEach(() => cfg.cleanup());

describe('messages', () => {
  it('a 502 proxy page is summed up by its title, with no base-URL hint and none of its HTML', async () => {
    nock(API_ORIGIN).get('/video/v2/rooms').reply(502, NGINX_502, { 'content-type': 'text/html' });
    const r = await runCli(['room', 'list']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain(
      'Error: GET /rooms: server error: the server answered an HTML page (502 Bad Gateway) (HTTP 502)',
    );
    expect(r.stderr).not.toMatch(/<|base URL/);
  });

  it('a 200 HTML page (a captive portal) still points at the base URL', async () => {
    nock(API_ORIGIN)
      .get('/video/v2/rooms')
      .reply(200, '<!DOCTYPE html><html><head><title>Wi-Fi login</title></head></html>');
    const r = await runCli(['room', 'list']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('the server answered an HTML page (Wi-Fi login)');
    expect(r.stderr).toContain('Hint: Check the base URL');
  });

  it('a reused token (40002 when joining) is told to make a new token, not to check the room id', () => {
    expect(JOIN_DENIED_HINT).toMatch(/already used or expired\. Create a new one/);
    expect(JOIN_DENIED_HINT).not.toContain('room id');
  });

  it('10006 ("in the past") is not told only that the time "could not be read"', async () => {
    nock(API_ORIGIN)
      .post('/video/v2/rooms')
      .reply(200, { result: '10006', error: 'scheduled_time is in the past' });
    const r = await runCli([
      'room',
      'create',
      '--name',
      'x',
      '--owner-ref',
      'y',
      '--scheduled',
      '--scheduled-time',
      '2026-12-01 10:00:00',
      '--duration',
      '30',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Hint: The scheduled time was refused (unreadable or in the past)');
  });

  it('--no-input on a terminal is told to leave out --no-input, not to run in a terminal', async () => {
    const r = await runCli(['profile', 'add', 'p', '--app-id', ROOM, '--no-input'], {
      env: { ENABLEX_CONFIG_DIR: cfg.dir, ENABLEX_APP_KEY: '' },
      stdinTTY: true,
      stderrTTY: true,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(no prompt: --no-input)');
    expect(r.stderr).toContain('Hint: Pass the flags, or leave out --no-input to be asked.');
    expect(r.stderr).not.toContain('in a terminal');
  });

  it('without a terminal it is told to run in one', async () => {
    const r = await runCli(['profile', 'add', 'p', '--app-id', ROOM], {
      env: { ENABLEX_CONFIG_DIR: cfg.dir, ENABLEX_APP_KEY: '' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Hint: Pass the flags, or run it in a terminal to be asked.');
  });

  it('"1 of 3 rooms was not deleted"', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map((x) => x.repeat(24)) as [string, string, string];
    nock(API_ORIGIN)
      .delete(`/video/v2/rooms/${a}`)
      .reply(200, { result: 0 })
      .delete(`/video/v2/rooms/${b}`)
      .reply(200, { result: 0 })
      .delete(`/video/v2/rooms/${c}`)
      .reply(404, { result: '40001', error: 'Room not found' });
    const r = await runCli(['room', 'delete', a, b, c, '--yes']);
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('Error: 1 of 3 rooms was not deleted.');
  });

  it('success lines read alike: a past-tense verb, then what, then a full stop', async () => {
    nock(API_ORIGIN).delete(`/video/v2/rooms/${ROOM}`).reply(204);
    const r = await runCli(['api', 'delete', `rooms/${ROOM}`]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`✓ Sent DELETE /rooms/${ROOM}; the answer was empty.\n`);
  });
});
