import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeOffset } from '../../src/commands/emulator/clock.js';
import { at, cli, DEV_ENV, start, stopAll, tempDir } from './helpers.js';

const dirs: (() => void)[] = [];
afterEach(async () => {
  await stopAll();
  for (const cleanup of dirs.splice(0)) cleanup();
});

describe('enablex emulator clock', () => {
  it('advances, sets and shows the clock of a running emulator', async () => {
    const h = await start();
    const env = { ...DEV_ENV, ENABLEX_BASE_URL: h.emu.baseUrl };
    const advanced = await cli(['emulator', 'clock', 'advance', '90'], env);
    expect(advanced.code).toBe(0);
    expect(advanced.stderr).toContain('Emulator clock now 2026-11-29T13:30:00.000Z (offset +1 h 30 min).');
    expect(at((await h.control('GET', '/status')).body, 'now')).toBe('2026-11-29T13:30:00.000Z');

    const set = await cli(['emulator', 'clock', 'set', '2026-12-01T09:00:00+01:00', '-o', 'json'], env);
    expect(JSON.parse(set.stdout)).toEqual({ now: '2026-12-01T08:00:00.000Z', clock_offset_ms: 158_400_000 });
    expect((await h.api('GET', '/rooms')).headers.get('date')).toBe('Tue, 01 Dec 2026 08:00:00 GMT');

    const shown = await cli(['emulator', 'clock', 'show', '-o', 'json'], env);
    expect(JSON.parse(shown.stdout)).toEqual({
      now: '2026-12-01T08:00:00.000Z',
      clock_offset_ms: 158_400_000,
    });
    expect((await cli(['emulator', 'clock', 'show', '-q'], env)).stdout.trim()).toBe(
      '2026-12-01T08:00:00.000Z',
    );
  });

  it("moves the Date header that doctor's clock check reads", async () => {
    const h = await start();
    const env = { ...DEV_ENV, ENABLEX_BASE_URL: h.emu.baseUrl };
    const before = await cli(['doctor'], env);
    expect(before.stdout).toMatch(/ok\s+clock\s+within 0 s of the server's clock/);
    await cli(['emulator', 'clock', 'advance', '10'], env);
    const after = await cli(['doctor'], env);
    expect(after.stdout).toMatch(/fail\s+clock\s+.*600 s behind the server's/);
  });

  it('refuses a bad number of minutes or a time without a zone before sending (exit 2)', async () => {
    const bad = await cli(['emulator', 'clock', 'advance', 'soon'], DEV_ENV);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('<minutes> must be a number')]);
    const local = await cli(['emulator', 'clock', 'set', '2026-12-01 09:00'], DEV_ENV);
    expect([local.code, local.stderr]).toEqual([2, expect.stringContaining('with Z or an offset')]);
  });

  it('describes offsets as people read them', () => {
    expect(describeOffset(0)).toBe('none (the real clock)');
    expect(describeOffset(-(26 * 60 + 5) * 60_000)).toBe('-1 d 2 h 5 min');
  });
});

describe('enablex emulator reset', () => {
  it('empties the emulator and resets its clock; --seed demo refills it', async () => {
    const h = await start();
    const env = { ...DEV_ENV, ENABLEX_BASE_URL: h.emu.baseUrl };
    await h.room();
    await h.control('POST', '/clock/advance', { minutes: 60 });
    const reset = await cli(['emulator', 'reset'], env);
    expect([reset.code, reset.stderr]).toEqual([0, expect.stringContaining('Emulator reset: no rooms')]);
    const status = (await h.control('GET', '/status')).body;
    expect([at(status, 'rooms'), at(status, 'clock_offset_ms')]).toEqual([0, 0]);
    expect((await cli(['emulator', 'reset', '--seed', 'demo'], env)).code).toBe(0);
    expect(at((await h.control('GET', '/status')).body, 'rooms')).toBe(4);
  });
});

describe('enablex --emulator archive download', () => {
  it('downloads the in-process emulator archive files with its recording credentials', async () => {
    const { dir, cleanup } = tempDir();
    dirs.push(cleanup);
    const out = join(dir, 'files');
    const env = { ENABLEX_CONFIG_DIR: dir };
    const listed = await cli(['--emulator', 'archive', '--from', '30d', '--to', 'today', '-o', 'json'], env);
    const entries = JSON.parse(listed.stdout) as { conf_num: string }[];
    expect(entries.length).toBeGreaterThan(0);
    const conf = entries[0]!.conf_num;
    const res = await cli(['--emulator', 'archive', 'download', '--conf', conf, '--dir', out], env);
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/Downloaded [1-9]\d*, skipped 0, failed 0/);
    const [folder] = readdirSync(out).filter((f) => f.includes(conf));
    const files = readdirSync(join(out, folder!));
    expect(files.some((f) => f.startsWith('recording-'))).toBe(true);
    const meta = files.find((f) => f.startsWith('metadata-'));
    expect(JSON.parse(readFileSync(join(out, folder!, meta!), 'utf8'))).toBeTypeOf('object');
  });
});
