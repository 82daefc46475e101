import { readFileSync } from 'node:fs';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { API_ORIGIN, runCli } from '../helpers/cli.js';
import { useNock } from '../helpers/nock.js';

useNock();

interface Exchange {
  logged_at: string;
  path: string;
  request: Record<string, unknown>;
  response: Record<string, unknown>;
}
/** Real answers of the real API (2018 log of the vendor's interview sample), replayed to the CLI. */
const { exchanges } = JSON.parse(
  readFileSync(new URL('../fixtures/recorded/interview-app-log.json', import.meta.url), 'utf8'),
) as { exchanges: Exchange[] };
const rooms = exchanges.filter((e) => e.path === '/v1/rooms/' && e.response['result'] === 0);
const tokens = exchanges.filter((e) => e.path.endsWith('/tokens'));
const failures = exchanges.filter((e) => e.response['result'] !== 0);
const api = () => nock(API_ORIGIN);

describe('room create --file with the recorded bodies and answers', () => {
  it.each(rooms.map((e) => [e.logged_at, e] as const))(
    'logged at %s: sends the body as logged (legacy names too), prints every field of the answer',
    async (_at, e) => {
      // The CLI sends what the file says: the v1-era names pass through unchanged.
      api()
        .post('/video/v2/rooms', e.request as nock.DataMatcherMap)
        .reply(200, e.response);
      const r = await runCli(['room', 'create', '-f', '-', '-o', 'json'], {
        stdin: JSON.stringify(e.request),
      });
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual(e.response['room']);
      // One note per legacy name, naming its v2 replacement.
      expect(r.stderr.match(/settings\.active_talker is a legacy name.*max_active_talkers/g)).toHaveLength(1);
      expect(r.stderr.match(/settings\.wait_moderator is a legacy name.*wait_for_moderator/g)).toHaveLength(
        1,
      );
    },
  );

  it('prints a recorded room as a table without failing', async () => {
    const [e] = rooms;
    api().post('/video/v2/rooms').reply(200, e?.response);
    const r = await runCli(['room', 'create', '-f', '-', '-o', 'table'], {
      stdin: JSON.stringify(e?.request),
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(String((e?.response['room'] as Record<string, unknown>)['room_id']));
  });

  it('refuses a legacy setting with a value the API would not read, naming it, before sending', async () => {
    const body = { name: 'x', owner_ref: 'y', settings: { active_talker: 'lots' } };
    const r = await runCli(['room', 'create', '-f', '-'], { stdin: JSON.stringify(body) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '--file settings.active_talker must be true, false or a whole number from 1 to 16',
    );
  });

  it.each(failures.map((e) => [e.logged_at, e] as const))(
    "logged at %s: the real 50001 on HTTP 200 exits 1 with the API's reason",
    async (_at, e) => {
      api().post('/video/v2/rooms').reply(200, e.response);
      const r = await runCli(['room', 'create', '-f', '-'], { stdin: JSON.stringify(e.request) });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('Failed to create Room');
      expect(r.stderr).toContain('result 50001');
    },
  );
});

describe('token with the recorded answers', () => {
  it.each(tokens.map((e) => [e.logged_at, e] as const))(
    'logged at %s: prints the real token whole, and --decode reads it',
    async (_at, e) => {
      const id = e.path.split('/')[3] ?? '';
      const { name, role, user_ref } = e.request as { name: string; role: string; user_ref: string };
      api().post(`/video/v2/rooms/${id}/tokens`, { name, role, user_ref }).reply(200, e.response);
      const r = await runCli([
        'token',
        id,
        '--name',
        name,
        '--role',
        role,
        '--user-ref',
        user_ref,
        '--decode',
        '-o',
        'json',
      ]);
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as { token: string; decoded: Record<string, unknown> };
      expect(out.token).toBe(e.response['token']);
      expect(JSON.stringify(out.decoded)).toContain(id);
    },
  );
});

/** The older documented CDR record (user.confName, user.token, no usage.connect_minutes). */
const OLDER_CDR = JSON.parse(
  readFileSync(new URL('../fixtures/recorded/cdr-older-doc.json', import.meta.url), 'utf8'),
) as { response: { cdr: Record<string, unknown>[] } };

describe('cdr with the older documented record', () => {
  const reply = () => api().get('/video/v2/cdr/conf/10000042').reply(200, OLDER_CDR.response);

  it('-o json keeps every field as sent', async () => {
    reply();
    const r = await runCli(['cdr', '--conf', '10000042', '-o', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(OLDER_CDR.response.cdr);
  });

  it.each([['table'], ['csv'], ['ndjson'], ['yaml']])('-o %s does not fail', async (format) => {
    reply();
    const r = await runCli(['cdr', '--conf', '10000042', '-o', format]);
    expect(r.code, r.stderr).toBe(0);
    // The default table has no cdr_id column; the role is in it.
    expect(r.stdout).toContain(format === 'table' ? 'moderator' : 'abcabcabc');
  });

  it('--fields user.confName,user.token,usage.published_minutes picks them', async () => {
    reply();
    const r = await runCli([
      'cdr',
      '--conf',
      '10000042',
      '-o',
      'json',
      '--fields',
      'user.confName,user.token,usage.published_minutes',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { user: { confName: '', token: '' }, usage: { published_minutes: 9999.999 } },
    ]);
  });

  it('cdr summary counts it with 0 connected minutes and says so', async () => {
    reply();
    const r = await runCli(['cdr', 'summary', '--conf', '10000042', '-o', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { totals: unknown }).totals).toEqual({
      records: 1,
      connect_minutes: 0,
      records_without_minutes: 1,
    });
    expect(r.stderr).toContain('1 of 1 record had no usage minutes');
  });
});
