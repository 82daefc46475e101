import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempConfigDir } from '../helpers/cli.js';

describe('the command line itself', () => {
  it('--version prints the version and exits 0', async () => {
    expect(await runCli(['--version'])).toMatchObject({ code: 0, stdout: '0.0.0-test\n' });
  });

  it('--help exits 0 and lists the nouns', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/room\s/);
    expect(r.stdout).toMatch(/profile\s/);
  });

  // Commander's own errors point at the command's help; the CLI's checks name the flag and the rule
  // and need no hint. Either way stderr is the error line, then the hint line if any, nothing else.
  const HELP = (path: string) => `Hint: See \`${path} --help\`.`;
  it.each([
    [['nosuch'], /unknown command 'nosuch'/, HELP('enablex')],
    [['room', 'create', '--name'], /option '--name <name>' argument missing/, HELP('enablex room create')],
    [
      ['room', 'list', '-o', 'xml'],
      /Allowed choices are table, json, yaml, csv, ndjson/,
      HELP('enablex room list'),
    ],
    [
      ['room', 'list', '--timeout', '0'],
      /--timeout must be a number of seconds above 0, at most 3600/,
      undefined,
    ],
    [['room', 'list', '--timeout', '0x5'], /in decimal digits such as 5 or 2\.5 \(got "0x5"\)/, undefined],
    [['room', 'list', '--retries', '11'], /--retries must be a whole number from 0 to 10/, undefined],
    [['room', 'list', '--json', '-o', 'csv'], /--json and -o\/--output disagree/, undefined],
    [['room', 'list', '--fields', ','], /--fields needs a comma-separated list/, undefined],
    [['room', 'get'], /missing required argument 'room-id'/, HELP('enablex room get')],
  ])('usage errors exit 2: %j', async (argv, message, hint) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    const [first, ...rest] = r.stderr.trimEnd().split('\n');
    expect(first).toMatch(/^Error: /);
    expect(first).toMatch(message);
    expect(rest).toEqual(hint ? [hint] : []);
  });

  it('--emulator with a corrupt state file says which file and how to start afresh (exit 2)', async () => {
    const cfg = tempConfigDir();
    try {
      writeFileSync(join(cfg.dir, 'emulator-state.json'), '{not json');
      const r = await runCli(['--emulator', 'room', 'list'], { env: { ENABLEX_CONFIG_DIR: cfg.dir } });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--emulator: .*emulator-state\.json/);
      expect(r.stderr).toMatch(/Hint: Move .*emulator-state\.json aside/);
    } finally {
      cfg.cleanup();
    }
  });

  it('--emulator with --profile or --base-url is a contradiction (exit 2)', async () => {
    for (const extra of [
      ['--profile', 'prod'],
      ['--base-url', 'https://api.enablex.io/video/v2'],
    ]) {
      const r = await runCli(['--emulator', ...extra, 'room', 'list']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        `--emulator runs against the bundled emulator: it cannot be combined with ${extra[0]}`,
      );
    }
  });

  it('ENABLEX_EMULATOR=1 left in the shell loses to an explicit --base-url', async () => {
    const r = await runCli(['room', 'list', '--base-url', 'http://127.0.0.1:9/video/v2', '--timeout', '2'], {
      env: { ENABLEX_EMULATOR: '1' },
    });
    // It went to the given (closed) port, not to an emulator.
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('127.0.0.1:9 refused the connection');
  });

  it('an interrupted run exits 130', async () => {
    const controller = new AbortController();
    controller.abort();
    const r = await runCli(['room', 'create', '--name', 'x', '--owner-ref', 'y', '--dry-run'], {
      signal: controller.signal,
    });
    expect(r.code).toBe(130);
  });
});
