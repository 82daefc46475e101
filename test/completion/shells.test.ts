import { execFile, execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Shell } from '../../src/completion/shells.js';
import { CACHE_FILE } from '../../src/completion/cache.js';
import { completionModel, spellings } from '../../src/completion/model.js';
import { ProfileStore } from '../../src/config/store.js';
import { DEV_CREDENTIALS, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { FORMATS } from '../../src/output/formats.js';
import { REPO, committedPath, realProgram, specAt } from './tree.js';
import { tempDir, removeTempDir } from '../helpers/temp.js';

/** The shell's binary on PATH; a missing one fails the test with what to install. */
function shellBinary(name: Shell): string {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  throw new Error(
    `${name} is not installed, so its completion script cannot be tested: install it ` +
      `(sudo apt-get install ${name}; CI installs zsh and fish with apt).`,
  );
}

/** One line to complete and what must be offered: exactly `exact`, or at least `includes`. */
interface Case {
  line: string;
  exact?: string[];
  includes?: string[];
}

const model = completionModel(realProgram());
const create = specAt(['room', 'create']);
const names = (path: string[]) => specAt(path).subcommands.map((s) => s.name);

/** What every shell must complete; expectations come from the tree, so new commands join in. */
const CASES: Case[] = [
  { line: 'enablex ', exact: names([]) },
  { line: 'enablex ro', exact: ['room'] },
  { line: 'enablex room ', exact: names(['room']) },
  {
    line: 'enablex room create --',
    includes: [
      ...create.flags.flatMap(spellings).filter((f) => f.startsWith('--')),
      ...model.globals.flatMap(spellings).filter((f) => f.startsWith('--')),
    ],
  },
  { line: 'enablex room create --mode ', exact: ['group', 'lecture'] },
  { line: 'enablex --profile prod room create --quality ', exact: ['HD', 'SD', 'LD'] },
  { line: 'enablex room create --name x --media-zone ', exact: ['IN', 'SG', 'US', 'XX'] },
  { line: 'enablex room list -o ', exact: [...FORMATS] },
  { line: 'enablex -o json room ', exact: names(['room']) },
  {
    line: 'enablex token 5f3b2c1a9d8e7f6a5b4c3d2e --role ',
    exact: ['moderator', 'participant', 'viewer', 'audience'],
  },
  { line: 'enablex completion ', exact: ['bash', 'zsh', 'fish'] },
  { line: 'enablex room create -f complet', exact: ['completions'] },
];

/** Parses "== line" headers followed by matches into a map; strips descriptions and a trailing "/". */
function parseSections(text: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const raw of text.split('\n')) {
    if (raw.startsWith('== ')) {
      current = [];
      sections.set(raw.slice(3), current);
    } else if (raw.trim() !== '' && current) {
      current.push(raw.split('\t')[0]!.replace(/\/$/, ''));
    }
  }
  return sections;
}

function check(sections: Map<string, string[]>, shell: Shell, cases: Case[] = CASES): void {
  for (const c of cases) {
    const got = sections.get(c.line);
    expect(got, `${shell}: no answer for "${c.line}"`).toBeDefined();
    const unique = [...new Set(got)].sort();
    if (c.exact) expect(unique, `${shell}: "${c.line}"`).toEqual([...c.exact].sort());
    if (c.includes) expect(unique, `${shell}: "${c.line}"`).toEqual(expect.arrayContaining(c.includes));
  }
}

/** Splits a line into words as the shell would hand them to the completer (bash splits at "="). */
const words = (line: string): string[] => line.split(' ');

describe('completion scripts in real shells', () => {
  const tmp = tempDir('completion');
  afterAll(() => removeTempDir(tmp));

  it('bash: COMPREPLY for each line', () => {
    const bash = shellBinary('bash');
    const calls = CASES.map(
      (c) =>
        `t ${words(c.line)
          .map((w) => `'${w}'`)
          .join(' ')}`,
    );
    const script = [
      `source '${committedPath('bash')}'`,
      't() { COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMPREPLY=(); printf "== %s\\n" "$*"; _enablex; printf "%s\\n" "${COMPREPLY[@]}"; }',
      ...calls,
    ].join('\n');
    const out = execFileSync(bash, ['--norc', '--noprofile', '-c', script], { cwd: REPO, encoding: 'utf8' });
    check(parseSections(out), 'bash');
  });

  it('bash: --flag=value, split at "=" as bash does', () => {
    const bash = shellBinary('bash');
    const script = [
      `source '${committedPath('bash')}'`,
      'COMP_WORDS=(enablex room create --mode = le); COMP_CWORD=5; _enablex; echo "${COMPREPLY[*]}"',
      'COMP_WORDS=(enablex room create --quality =); COMP_CWORD=4; _enablex; echo "${COMPREPLY[*]}"',
      'COMP_WORDS=(enablex room create --mode=group --name x ""); COMP_CWORD=6; _enablex; echo "[${COMPREPLY[*]}]"',
    ].join('\n');
    const out = execFileSync(bash, ['--norc', '--noprofile', '-c', script], { cwd: REPO, encoding: 'utf8' });
    expect(out.split('\n')).toEqual(['lecture', 'HD SD LD', '[]', '']);
  });

  it('zsh: matches from compinit + the autoloaded _enablex, typed on a pseudo-terminal', () => {
    const zsh = shellBinary('zsh');
    const out = execFileSync(
      zsh,
      [
        '-f',
        join(import.meta.dirname, 'zsh-capture.zsh'),
        dirname(committedPath('zsh')),
        join(tmp, 'zsh.txt'),
        ...CASES.map((c) => c.line),
      ],
      { cwd: REPO, encoding: 'utf8', timeout: 60_000 },
    );
    check(parseSections(out), 'zsh');
  }, 90_000);

  it('zsh: sourcing the file registers it with compdef', () => {
    const zsh = shellBinary('zsh');
    const out = execFileSync(
      zsh,
      [
        '-f',
        '-c',
        `autoload -Uz compinit; compinit -u -D; source '${committedPath('zsh')}'; print -r -- $_comps[enablex]`,
      ],
      { cwd: REPO, encoding: 'utf8', timeout: 60_000 },
    );
    expect(out.trim()).toBe('_enablex');
  }, 90_000);

  it('fish: complete -C for each line', () => {
    const fish = shellBinary('fish');
    const calls = CASES.map((c) => `echo '== ${c.line}'; complete -C '${c.line}'`);
    const script = [`source '${committedPath('fish')}'`, ...calls].join('\n');
    const out = execFileSync(fish, ['--no-config', '-c', script], { cwd: REPO, encoding: 'utf8' });
    check(parseSections(out), 'fish');
  });
});

describe('fish descriptions', () => {
  it('describe the flag once, not beside each of its values', () => {
    const fish = shellBinary('fish');
    const script = [
      `source '${committedPath('fish')}'`,
      "complete -C'enablex room create --mode '",
      "echo ==; complete -C'enablex room create --mod'",
    ].join('\n');
    const out = execFileSync(fish, ['--no-config', '-c', script], { cwd: REPO, encoding: 'utf8' });
    const [values, flags] = out.split('==\n');
    expect(values).toBe('group\nlecture\n');
    expect(flags).toMatch(/^--mode\tgroup \(everyone talks\)/m);
  });
});

const run = promisify(execFile);

/**
 * Dynamic candidates: each shell's script calls the built `enablex __complete` (found on PATH, as
 * installed) against a loopback emulator reached through the saved default profile. Async
 * execFile, since the emulator answers from this very process.
 */
describe('dynamic completion in real shells', () => {
  const tmp = tempDir('dynamic');
  const config = join(tmp, 'config');
  const bin = join(tmp, 'bin');
  let emulator: RunningEmulator;
  let rooms: string[];
  let cases: Case[];
  let env: Record<string, string>;

  beforeAll(async () => {
    const built = join(REPO, 'dist/commands/completion/complete.js');
    if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` first.`);
    emulator = await startEmulator({ host: '127.0.0.1', port: 0, credentials: DEV_CREDENTIALS });
    const auth = `Basic ${Buffer.from(`${DEV_CREDENTIALS.appId}:${DEV_CREDENTIALS.appKey}`).toString('base64')}`;
    rooms = [];
    for (const name of ['Daily stand-up', 'Town hall']) {
      const res = await fetch(`${emulator.baseUrl}/rooms`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify({ name, owner_ref: 'shells', settings: { mode: 'group', quality: 'SD' } }),
      });
      rooms.push(((await res.json()) as { room: { room_id: string } }).room.room_id);
    }
    const store = await ProfileStore.open(config);
    store.set('prod', {
      appId: DEV_CREDENTIALS.appId,
      appKey: DEV_CREDENTIALS.appKey,
      baseUrl: emulator.baseUrl,
    });
    // A server that is not there: its candidates are nothing, and no error reaches the line.
    store.set('dev', {
      appId: DEV_CREDENTIALS.appId,
      appKey: DEV_CREDENTIALS.appKey,
      baseUrl: 'http://127.0.0.1:9/video/v2',
    });
    mkdirSync(bin);
    symlinkSync(join(REPO, 'bin/enablex.js'), join(bin, 'enablex'));
    env = {
      PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}`,
      HOME: tmp,
      ENABLEX_CONFIG_DIR: config,
      TERM: 'dumb',
    };
    cases = [
      { line: 'enablex --profile ', exact: ['dev', 'prod'] },
      { line: 'enablex profile use ', exact: ['dev', 'prod'] },
      { line: 'enablex room get ', exact: rooms },
      { line: 'enablex cdr --room ', exact: rooms },
      { line: `enablex room delete ${rooms[0]} `, exact: rooms },
      { line: 'enablex --profile dev users ', exact: [] },
    ];
  });
  afterAll(async () => {
    await emulator?.close();
    removeTempDir(tmp);
  });

  it('bash: profiles and room ids from the API, nothing (and no error) when it is down', async () => {
    const calls = cases.map(
      (c) =>
        `t ${words(c.line)
          .map((w) => `'${w}'`)
          .join(' ')}`,
    );
    const script = [
      `source '${committedPath('bash')}'`,
      't() { COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMPREPLY=(); printf "== %s\\n" "$*"; _enablex; printf "%s\\n" "${COMPREPLY[@]}"; }',
      ...calls,
    ].join('\n');
    const { stdout, stderr } = await run(shellBinary('bash'), ['--norc', '--noprofile', '-c', script], {
      cwd: REPO,
      env,
    });
    check(parseSections(stdout), 'bash', cases);
    expect(stderr).toBe('');
  }, 60_000);

  it('zsh: profiles and room ids (room names as descriptions)', async () => {
    const { stdout } = await run(
      shellBinary('zsh'),
      [
        '-f',
        join(import.meta.dirname, 'zsh-capture.zsh'),
        dirname(committedPath('zsh')),
        join(tmp, 'zsh.txt'),
        ...cases.map((c) => c.line),
      ],
      { cwd: REPO, env, timeout: 60_000 },
    );
    check(parseSections(stdout), 'zsh', cases);
  }, 90_000);

  it('fish: profiles and room ids, each room described by its name', async () => {
    const calls = cases.map((c) => `echo '== ${c.line}'; complete -C'${c.line}'`);
    const script = [`source '${committedPath('fish')}'`, ...calls].join('\n');
    const { stdout, stderr } = await run(shellBinary('fish'), ['--no-config', '-c', script], {
      cwd: REPO,
      env,
    });
    check(parseSections(stdout), 'fish', cases);
    expect(stdout).toContain(`${rooms[1]}\tTown hall`);
    expect(stderr).toBe('');
  }, 60_000);

  it('caches the rooms briefly in a private file; a broken request prints nothing and exits 0', async () => {
    const file = join(config, CACHE_FILE);
    // Start from a fresh entry: the shells above may have cached the rooms almost 30 s ago.
    rmSync(file, { force: true });
    await run(join(bin, 'enablex'), ['__complete', 'rooms'], { env });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const auth = `Basic ${Buffer.from(`${DEV_CREDENTIALS.appId}:${DEV_CREDENTIALS.appKey}`).toString('base64')}`;
    await fetch(`${emulator.baseUrl}/rooms/${rooms[1]}`, {
      method: 'DELETE',
      headers: { authorization: auth },
    });
    // Within the TTL the deleted room is still offered: the answer came from the cache.
    const cached = await run(join(bin, 'enablex'), ['__complete', 'rooms'], { env });
    expect(cached.stdout).toBe(`${rooms[0]}\tDaily stand-up\n${rooms[1]}\tTown hall\n`);
    const down = await run(
      join(bin, 'enablex'),
      ['__complete', 'rooms', '--', 'enablex', '--profile', 'dev'],
      { env },
    );
    expect([down.stdout, down.stderr]).toEqual(['', '']);
    const none = await run(join(bin, 'enablex'), ['__complete', 'rooms'], {
      env: { ...env, ENABLEX_CONFIG_DIR: join(tmp, 'empty') },
    });
    expect([none.stdout, none.stderr]).toEqual(['', '']);
  }, 30_000);
});
