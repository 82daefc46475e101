/* eslint-disable no-control-regex -- these tests look for raw control characters */
import fc from 'fast-check';
import nock from 'nock';
import { parse as parseYaml } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeTerminalSafe } from '../../src/output/escape.js';
import { API_ORIGIN, runCli, tempConfigDir } from '../helpers/cli.js';
import { useNock } from '../helpers/nock.js';

useNock();

const RAW =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** What a terminal would see of stdout or stderr, minus the line ends the CLI itself writes. */
const rawControls = (text: string) => RAW.test(text.replace(/\r\n/g, '\n'));

const HOSTILE_NAME =
  'Standup\u001b[2J\u001b]0;owned\u0007\u001b]52;c;cm0gLXJmIH4=\u0007\rFake\u202egnp.exe\u009b1m';
const room = (name: string, roomId = '5f3b2c1a9d8e7f6a5b4c3d2e') => ({
  name,
  owner_ref: `ref-${name}`,
  settings: { mode: 'group', participants: '10', description: name },
  room_id: roomId,
});

let cfg: ReturnType<typeof tempConfigDir>;
beforeEach(() => {
  cfg = tempConfigDir();
});
afterEach(() => cfg.cleanup());
const tty = { stdoutTTY: true, stderrTTY: true };
const list = (rooms: object[]) => nock(API_ORIGIN).get('/video/v2/rooms').reply(200, { result: 0, rooms });
const runList = (format: string[], rooms: object[]) => {
  list(rooms);
  return runCli(['room', 'list', ...format], { ...tty, env: { ENABLEX_CONFIG_DIR: cfg.dir } });
};

describe('server text on the terminal', () => {
  it('a table shows control characters escaped (piped too), columns and the header intact', async () => {
    list([room(HOSTILE_NAME)]);
    const r = await runCli(['room', 'list'], { env: { ENABLEX_CONFIG_DIR: cfg.dir } });
    expect(r.code).toBe(0);
    expect(rawControls(r.stdout)).toBe(false);
    expect(r.stdout).toContain('Standup\\x1b[2J\\x1b]0;owned\\x07');
    expect(r.stdout).toContain('\\x0dFake\\u202egnp.exe\\x9b1m');
    expect(r.stdout.split('\n')[0]).toMatch(/^room_id\s+name\s+owner_ref/);
  });

  it('a single object as a table escapes keys and values', async () => {
    nock(API_ORIGIN)
      .get('/video/v2/rooms/5f3b2c1a9d8e7f6a5b4c3d2e')
      .reply(200, { result: 0, room: { ...room(HOSTILE_NAME), data: { 'k\u001b[8m': 'v\u0007' } } });
    const r = await runCli(['room', 'get', '5f3b2c1a9d8e7f6a5b4c3d2e'], tty);
    expect(r.code).toBe(0);
    expect(rawControls(r.stdout)).toBe(false);
    expect(r.stdout).toMatch(/data\.k\\x1b\[8m\s+v\\x07/);
  });

  it('-q prints one escaped id a line: a newline in an id cannot become a second id for xargs', async () => {
    const r = await runList(['-q'], [room('a', 'aaa\nbbb\u001b[2J')]);
    expect(r.stdout).toBe('aaa\\x0abbb\\x1b[2J\n');
  });

  it('an API error message is escaped on stderr, the CLI colour on "Error:" still works', async () => {
    nock(API_ORIGIN).get('/video/v2/rooms').reply(400, {
      result: '50002',
      error: `[Reason] Failed\u001b]52;c;ZXZpbA==\u0007\r\u001b[2K`,
      desc: '',
    });
    // -q: no spinner on the terminal, so stderr holds only the error block.
    const r = await runCli(['room', 'list', '-q'], { ...tty, env: { ENABLEX_CONFIG_DIR: cfg.dir } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Failed\\x1b]52;c;ZXZpbA==\\x07\\x0d\\x1b[2K');
    // The only raw ESC left is the CLI's own red around "Error:".
    expect(r.stderr.replace(/\u001b\[3[19]m/g, '')).not.toMatch(RAW);
    expect(r.stderr).toContain('\u001b[31mError:\u001b[39m');
  });

  it('csv on a terminal escapes cells; piped it is exact (RFC 4180 quoting)', async () => {
    const onTty = await runList(['-o', 'csv'], [room('a\u001b[2J\r\nb')]);
    expect(rawControls(onTty.stdout)).toBe(false);
    expect(onTty.stdout).toContain('a\\x1b[2J\\x0d\\x0ab');
    list([room('a\u001b[2J\r\nb')]);
    const piped = await runCli(['room', 'list', '-o', 'csv'], { env: { ENABLEX_CONFIG_DIR: cfg.dir } });
    expect(piped.stdout).toContain('"a\u001b[2J\r\nb"');
  });

  it('yaml is exact and safe: C0 escaped by YAML, DEL, C1 and bidi written as \\u escapes', async () => {
    const name = 'x\u001b[2J\u007f\u009b\u202ey';
    const r = await runList(['-o', 'yaml'], [room(name)]);
    expect(rawControls(r.stdout)).toBe(false);
    expect((parseYaml(r.stdout) as { name: string }[])[0]!.name).toBe(name);
  });

  it('json and ndjson parse back to exactly what the server sent', async () => {
    const name = 'x\u001b[2J\u007f\u009b\u202ey';
    const json = await runList(['-o', 'json'], [room(name)]);
    expect(rawControls(json.stdout)).toBe(false);
    expect(JSON.parse(json.stdout)).toEqual([room(name)]);
    const nd = await runList(['-o', 'ndjson'], [room(name)]);
    expect(rawControls(nd.stdout)).toBe(false);
    expect(JSON.parse(nd.stdout)).toEqual(room(name));
  });

  it('property: any server string, in any format, reaches the terminal with no raw control character', async () => {
    const server = fc.string({
      unit: fc.oneof(
        fc.string({ unit: 'binary', maxLength: 1 }),
        fc.constantFrom('\u001b', '\u0007', '\r', '\n', '\u009b', '\u202e', '\u2066', '\\', '=', '"', ','),
      ),
      minLength: 1,
    });
    const formats = fc.constantFrom(['table'], ['csv'], ['yaml'], ['json'], ['ndjson'], ['table', '-q']);
    await fc.assert(
      fc.asyncProperty(server, server, formats, async (name, id, format) => {
        const rooms = [room(name, id)];
        list(rooms);
        const args = format[1] ? ['room', 'list', format[1]] : ['room', 'list', '-o', format[0]!];
        const r = await runCli(args, { ...tty, env: { ENABLEX_CONFIG_DIR: cfg.dir } });
        expect(r.code).toBe(0);
        expect(rawControls(r.stdout)).toBe(false);
        if (format[0] === 'json') expect(JSON.parse(r.stdout)).toEqual(rooms);
        if (format[0] === 'ndjson') expect(JSON.parse(r.stdout)).toEqual(rooms[0]);
        if (format[0] === 'yaml') expect(parseYaml(r.stdout)).toEqual(rooms);
        if (format[1] === '-q') expect(decodeTerminalSafe(r.stdout.slice(0, -1))).toBe(id);
      }),
      { numRuns: 150 },
    );
  });

  it('property: any server error message reaches stderr with no raw control character', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), async (error, desc) => {
        nock(API_ORIGIN).get('/video/v2/rooms').reply(400, { result: '50002', error, desc });
        const r = await runCli(['room', 'list', '--no-color'], {
          env: { ENABLEX_CONFIG_DIR: cfg.dir },
        });
        expect(r.code).toBe(1);
        expect(r.stderr).not.toMatch(RAW);
        // One error line and one hint line: server text cannot add lines of its own.
        expect(r.stderr.split('\n')).toHaveLength(3);
      }),
      { numRuns: 100 },
    );
  });
});
