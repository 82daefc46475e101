import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_ORIGIN, runCli, tempConfigDir } from '../helpers/cli.js';
import { useNock } from '../helpers/nock.js';

useNock();

let cfg: ReturnType<typeof tempConfigDir>;
beforeEach(() => {
  cfg = tempConfigDir();
});
afterEach(() => cfg.cleanup());

/** `room create -f -` with the body on stdin; nock has no stub, so any request would fail the run. */
const create = (body: string, ...flags: string[]) =>
  runCli(['room', 'create', '-f', '-', '--dry-run', ...flags], {
    stdin: body,
    env: { ENABLEX_CONFIG_DIR: cfg.dir },
  });

describe('--file is read strictly: what a flag refuses, the file refuses too (exit 2, nothing sent)', () => {
  it('JSON with a duplicate key names the key, the line and the file', async () => {
    const r = await create('{"name": "a",\n "owner_ref": "o",\n "name": "b"}');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '--file -: the key "name" appears twice (line 3); JSON would keep only the last.',
    );
  });

  it('a nested duplicate key is named by its path', async () => {
    const r = await create('{"name":"a","owner_ref":"o","settings":{"quality":"HD","quality":"LD"}}');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the key "settings.quality" appears twice');
  });

  it('YAML with a duplicate key', async () => {
    const r = await create('name: a\nowner_ref: o\nname: b\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the key "name" appears twice (line 3); YAML would keep only the last.');
  });

  it.each([
    ['!!js/function "function () {}"'],
    ['!!binary aGk='],
    ['!custom 5'],
    ['!!python/object:os.system x'],
  ])('a YAML tag that is not plain data is refused: %s', async (value) => {
    const r = await create(`name: a\nowner_ref: o\nsettings:\n  description: ${value}\n`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /"settings\.description" has the YAML tag \S+ \(line 4\); only plain data is accepted/,
    );
  });

  it('the plain-data tags are accepted', async () => {
    const r = await create('name: !!str 12\nowner_ref: o\nsettings: !!map\n  participants: !!int 12\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).body).toEqual({
      name: '12',
      owner_ref: 'o',
      settings: { participants: '12' },
    });
  });

  it.each([['0x10'], ['1e2'], ['0o17'], ['10.0'], ['.inf'], ['+5']])(
    'a count written as %s is refused as the flag would refuse it',
    async (written) => {
      const yaml = await create(`name: a\nowner_ref: o\nsettings:\n  participants: ${written}\n`);
      expect(yaml.code).toBe(2);
      expect(yaml.stderr).toContain('--file settings.participants: must be a whole number');
      const flag = await runCli([
        'room',
        'create',
        '--name',
        'a',
        '--owner-ref',
        'o',
        '--participants',
        written,
        '--dry-run',
      ]);
      expect(flag.code).toBe(2);
    },
  );

  it('a JSON count in exponent form is refused too; plain digits are sent as text', async () => {
    expect((await create('{"name":"a","owner_ref":"o","settings":{"participants":1e2}}')).code).toBe(2);
    const ok = await create('{"name":"a","owner_ref":"o","settings":{"participants":12}}');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).body.settings).toEqual({ participants: '12' });
  });

  it.each([
    ['{"team": 5}', '"data.team" must be text (got number)'],
    ['{"team": true}', '"data.team" must be text (got boolean)'],
    ['{"team": {"x": "y"}}', '"data.team" must be text (got object)'],
    ['{"team": null}', '"data.team" must be text (got null)'],
    ['{"bad key": "x"}', '"data.bad key": the key may hold only letters'],
    ['{"__proto__": {"polluted": "yes"}}', '"data.__proto__": the key is a JavaScript object internal'],
    ['{"constructor": "x"}', '"data.constructor": the key is a JavaScript object internal'],
    ['"team=blue"', '"data" must be an object'],
  ])('data %s is refused by the --data rules', async (data, message) => {
    const r = await create(`{"name":"a","owner_ref":"o","data":${data}}`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('data with text values under plain keys is sent, flags adding to it', async () => {
    const r = await create('{"name":"a","owner_ref":"o","data":{"team":"blue"}}', '--data', 'floor=3');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).body.data).toEqual({ team: 'blue', floor: '3' });
  });

  it.each([['__proto__'], ['constructor'], ['prototype']])('--data %s=x is refused', async (key) => {
    const r = await runCli([
      'room',
      'create',
      '--name',
      'a',
      '--owner-ref',
      'o',
      '--data',
      `${key}=x`,
      '--dry-run',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--data key "${key}" is a JavaScript object internal`);
  });
});

describe('--fields never reaches an object internal', () => {
  it.each([['__proto__.polluted'], ['constructor.prototype.polluted'], ['name,prototype']])(
    '--fields %s exits 2 before any request, and nothing is polluted',
    async (fields) => {
      for (const format of ['json', 'yaml', 'csv', 'table', 'ndjson']) {
        const r = await runCli(['room', 'list', '--fields', fields, '-o', format], {
          env: { ENABLEX_CONFIG_DIR: cfg.dir },
        });
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('names a JavaScript object internal');
      }
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(nock.isDone()).toBe(true);
    },
  );

  it('a field next to them still works', async () => {
    nock(API_ORIGIN)
      .get('/video/v2/rooms')
      .reply(200, { result: 0, rooms: [{ room_id: 'r1', name: 'n', owner_ref: 'o', settings: {} }] });
    const r = await runCli(['room', 'list', '--fields', 'room_id,name', '-o', 'json'], {
      env: { ENABLEX_CONFIG_DIR: cfg.dir },
    });
    expect(JSON.parse(r.stdout)).toEqual([{ room_id: 'r1', name: 'n' }]);
  });
});

describe('room apply files follow the same data rules', () => {
  it('a room whose data holds a number or an object-internal key is refused, naming the room', async () => {
    const file =
      '{"rooms": [{"name": "a", "owner_ref": "o", "data": {"team": 5}},' +
      ' {"name": "b", "owner_ref": "o", "data": {"__proto__": "x"}}]}';
    const r = await runCli(['room', 'apply', '-f', '-', '--dry-run'], {
      stdin: file,
      env: { ENABLEX_CONFIG_DIR: cfg.dir },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rooms[0] "a" (owner_ref o): "data.team" must be text (got number)');
    expect(r.stderr).toContain(
      'rooms[1] "b" (owner_ref o): "data.__proto__": the key is a JavaScript object internal',
    );
  });
});
