import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { FaultConfig } from '../../src/emulator/index.js';
import { apiRoom, startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import { Outputs, tempDir } from './helpers/run.js';

/**
 * Every command that makes requests, against every kind of server fault, as the built binary: the
 * documented exit code, no stack trace, a POST never sent twice, nothing half-written at --out or
 * under --dir, and no secret in any output or file. Each case gets its own emulator (they are cheap
 * in-process servers), so request counts and state belong to that case alone and cases run at once.
 */
const out = new Outputs();
out.scan();
/** Most of a case is waiting (Retry-After, timeouts), so more run at once than the default 5. */
vi.setConfig({ maxConcurrency: 12 });

/** Retries of every case: enough to prove they happen, few enough to keep the matrix fast. */
const RETRIES = 1;
/** The emulator's clock, so the demo month (archive and CDR) is the same on every run. */
const NOW = new Date('2026-11-29T12:00:00Z');
/** A session of the demo data with five archive files and its CDR records. */
const CONF = '10000004';
/** What an --out target held before the run; it must still hold exactly this after a failure. */
const PREVIOUS = 'previous export, must survive a failed run\n';
/** The download manifest in --dir. */
const MANIFEST = '.enablex-archive.json';

/** One kind of damage, applied to every API request of the case (or to its file requests). */
interface Fault {
  name: string;
  config: FaultConfig;
  /** Seconds of --timeout: short where the server never answers. */
  timeout: number;
  /** A POST may be sent again after this fault (429: the server said it did not act on it). */
  postRetried?: boolean;
  /**
   * Run with --verbose, so the request log (headers, bodies, retries) joins the secret scan. The
   * stack trace --verbose adds after the error is documented, so only the log before it is checked.
   */
  verbose?: boolean;
  /** The least time a run takes when each request is sent `tries` times (Retry-After, timeouts). */
  leastMs?: (tries: number) => number;
}

/** The faults every command meets; the non-JSON body is a 200 HTML page. */
const FAULTS: Fault[] = [
  {
    name: '429',
    config: { failRate: 1, failStatus: 429, retryAfterSeconds: 1 },
    timeout: 5,
    postRetried: true,
    leastMs: (tries) => (tries - 1) * 1000,
  },
  { name: '500', config: { failRate: 1, failStatus: 500 }, timeout: 5, verbose: true },
  {
    name: '503',
    config: { failRate: 1, failStatus: 503, retryAfterSeconds: 1 },
    timeout: 5,
    leastMs: (tries) => (tries - 1) * 1000,
  },
  { name: 'hang', config: { hangRate: 1 }, timeout: 1, leastMs: (tries) => tries * 1000 },
  { name: 'truncated', config: { truncateRate: 1 }, timeout: 5 },
  // A captive portal or a proxy login page: HTTP 200, so only the body tells.
  { name: 'non-JSON', config: { nonJsonRate: 1, nonJsonStatus: 200 }, timeout: 5 },
  { name: 'reset', config: { resetRate: 1 }, timeout: 5 },
];

/** A proxy's error page (nginx 502): a 5xx and not JSON; met by the commands that treat it apart. */
const HTML_502: Fault = { name: 'HTML 502', config: { nonJsonRate: 1 }, timeout: 5 };

/** One command that makes requests. */
interface Command {
  name: string;
  /** The arguments, given a room that exists; --out and --dir paths are relative to the case folder. */
  args(room: string): string[];
  /** `METHOD path` of the request the fault hits (`:room` is the room; a trailing `/` is a prefix). */
  request: string;
  /** Needs the demo month (archive, CDR). */
  demo?: boolean;
  /** Needs the recording credentials in the environment. */
  recording?: boolean;
  /**
   * Writes this file (relative to the case folder). It holds PREVIOUS beforehand under every other
   * fault and does not exist under the rest, so both "old file kept" and "no file made" are seen.
   */
  outFile?: string;
  /** Downloads under this folder (relative to the case folder), which does not exist beforehand. */
  outDir?: string;
  /** Only requests matching this get the fault (default: every API and file request). */
  match?: string;
  /** Only API requests matching this get the fault: the command's earlier reads succeed (room update reads the room first). */
  faultMatch?: string;
  /** The documented exit code when it is not 5, by fault name (`*` for all). */
  code?: Record<string, number>;
  /** How often each request is sent when not `1 + RETRIES` (or once for a POST), by fault name. */
  tries?: Record<string, number>;
  /** The command prints its own report on stdout even when it fails (doctor, room apply's plan). */
  reportsOnStdout?: boolean;
  /** Input files written into the case folder before the run (name: text). */
  inputs?: Record<string, string>;
  /**
   * The emulator runs on the real clock, not NOW: the command compares the server's Date header
   * (which follows the emulator clock) with this machine's (doctor's clock check).
   */
  realClock?: boolean;
}

/** A rooms file of one room that does not exist yet, so `room apply` has to create it. */
const ROOMS_FILE =
  'rooms:\n  - name: Fault apply\n    owner_ref: faults-apply\n    settings:\n      quality: HD\n';

const API = '/video/v2';
const COMMANDS: Command[] = [
  {
    name: 'room create',
    args: () => ['room', 'create', '--name', 'Fault test', '--owner-ref', 'faults'],
    request: `POST ${API}/rooms`,
  },
  { name: 'room list', args: () => ['room', 'list'], request: `GET ${API}/rooms` },
  { name: 'room get', args: (room) => ['room', 'get', room], request: `GET ${API}/rooms/:room` },
  {
    name: 'room update',
    args: (room) => ['room', 'update', room, '--quality', 'HD', '--knock'],
    request: `PATCH ${API}/rooms/:room`,
    faultMatch: `PATCH ${API}/rooms/`,
  },
  {
    name: 'room delete',
    args: (room) => ['room', 'delete', room, '--yes'],
    request: `DELETE ${API}/rooms/:room`,
  },
  {
    name: 'token',
    args: (room) => ['token', room, '--name', 'Ann', '--user-ref', 'ann'],
    request: `POST ${API}/rooms/:room/tokens`,
  },
  { name: 'users', args: (room) => ['users', room], request: `GET ${API}/rooms/:room/users` },
  {
    name: 'archive',
    args: () => ['archive', '--conf', CONF],
    request: `GET ${API}/archive/conf/${CONF}`,
    demo: true,
  },
  {
    name: 'archive --out',
    args: () => ['archive', '--conf', CONF, '--out', 'archive.json'],
    request: `GET ${API}/archive/conf/${CONF}`,
    demo: true,
    outFile: 'archive.json',
  },
  {
    name: 'archive download (listing fails)',
    args: () => ['archive', 'download', '--conf', CONF, '--dir', 'audit'],
    request: `GET ${API}/archive/conf/${CONF}`,
    demo: true,
    recording: true,
    outDir: 'audit',
  },
  {
    name: 'archive download (files fail)',
    args: () => ['archive', 'download', '--conf', CONF, '--dir', 'audit'],
    request: `GET /_files/${CONF}/`,
    demo: true,
    recording: true,
    outDir: 'audit',
    match: 'GET /_files/',
    code: { '*': 6 },
    // An HTML page is no file, and asking again will not make it one.
    tries: { 'non-JSON': 1 },
  },
  {
    name: 'cdr',
    args: () => ['cdr', '--conf', CONF, '-o', 'csv'],
    request: `GET ${API}/cdr/conf/${CONF}`,
    demo: true,
  },
  {
    name: 'cdr --out',
    args: () => ['cdr', '--conf', CONF, '--out', 'cdr.csv'],
    request: `GET ${API}/cdr/conf/${CONF}`,
    demo: true,
    outFile: 'cdr.csv',
  },
  {
    name: 'cdr summary',
    args: () => ['cdr', 'summary', '--conf', CONF],
    request: `GET ${API}/cdr/conf/${CONF}`,
    demo: true,
  },
  { name: 'room export', args: () => ['room', 'export'], request: `GET ${API}/rooms` },
  {
    name: 'room apply (live rooms unreadable)',
    args: () => ['room', 'apply', '-f', 'rooms.yaml'],
    request: `GET ${API}/rooms`,
    inputs: { 'rooms.yaml': ROOMS_FILE },
  },
  {
    // The live rooms are read first, then each room is created on its own: a failed room is part
    // of a multi-part job, so apply goes on with the others and exits 6.
    name: 'room apply',
    args: () => ['room', 'apply', '-f', 'rooms.yaml'],
    request: `POST ${API}/rooms`,
    inputs: { 'rooms.yaml': ROOMS_FILE },
    faultMatch: `POST ${API}/rooms`,
    code: { '*': 6 },
    // The plan is its report on stdout, printed before anything is sent.
    reportsOnStdout: true,
  },
  { name: 'dialin', args: () => ['dialin'], request: `GET ${API}/dialin/` },
  // `api` prints a JSON error answer on stdout, as `gh api` does.
  {
    name: 'api get',
    args: () => ['api', 'get', 'rooms'],
    request: `GET ${API}/rooms`,
    reportsOnStdout: true,
  },
  {
    name: 'api post',
    args: () => ['api', 'post', 'rooms', '--data', '{"name":"Raw","owner_ref":"faults"}'],
    request: `POST ${API}/rooms`,
    reportsOnStdout: true,
  },
  {
    name: 'doctor',
    args: () => ['doctor'],
    request: `GET ${API}/rooms`,
    reportsOnStdout: true,
    realClock: true,
    // An HTML page with 200 is documented as "not the API" (a wrong base URL), a config failure.
    code: { 'non-JSON': 3 },
  },
];

/** Every file under a folder, relative to it. */
function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path).map((p) => join(name, p)) : [relative(dir, path)];
  });
}

/** Request-log lines since `mark` of the command's request. */
function hits(t: TestEmulator, mark: number, request: string, room: string): string[] {
  const [m, p = ''] = request.replace(':room', room).split(' ');
  return t.since(mark).filter((line) => {
    const [method, url] = line.split(' ');
    const path = (url ?? '').split('?')[0] ?? '';
    return m === method && (p.endsWith('/') ? path.startsWith(p) : path === p);
  });
}

/**
 * The matching lines once `n` are there (a hung request is logged only when its socket closes, just
 * after the run ends), or what there is after a deadline; a short pause lets a surplus line show.
 */
async function settledHits(t: TestEmulator, mark: number, c: Command, room: string, n: number) {
  const deadline = Date.now() + 3000;
  while (hits(t, mark, c.request, room).length < n && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 50));
  return hits(t, mark, c.request, room);
}

/** Commands that meet HTML_502 too: doctor tells it from a wrong base URL, a POST is not resent. */
const ALSO_HTML_502 = ['room list', 'room create', 'archive download (files fail)', 'doctor'];
const cases = [
  ...COMMANDS.flatMap((command) => FAULTS.map((fault) => ({ command, fault }))),
  ...COMMANDS.filter((c) => ALSO_HTML_502.includes(c.name)).map((command) => ({ command, fault: HTML_502 })),
];
/**
 * One emulator per case, started while the file loads (hooks that stop them cannot be added from
 * inside a test); the demo month only where the command reads it.
 */
const emulators = await Promise.all(
  cases.map((c) =>
    startTestEmulator({
      outputs: out,
      seed: c.command.demo ? 'demo' : undefined,
      now: c.command.realClock ? undefined : () => NOW,
    }),
  ),
);

describe.concurrent('every command under every fault', () => {
  it.each(cases.map((c, i) => [`${c.command.name} / ${c.fault.name}`, i] as const))('%s', async (_, i) => {
    const { command, fault } = cases[i] as (typeof cases)[number];
    const t = emulators[i] as TestEmulator;
    const room = await apiRoom(t);
    const dir = tempDir('faults');
    const previous = command.outFile !== undefined && FAULTS.indexOf(fault) % 2 === 0;
    if (previous) writeFileSync(join(dir, command.outFile ?? ''), PREVIOUS);
    for (const [name, text] of Object.entries(command.inputs ?? {})) writeFileSync(join(dir, name), text);
    const before = filesUnder(dir);
    const perFile = command.request.includes('/_files/');
    const files = perFile ? await archiveFiles(t) : [];
    const match = command.match ?? command.faultMatch;
    await t.faults({ ...fault.config, ...(match ? { match } : {}) });
    const mark = t.requests.length;

    const env = command.recording ? t.envWithRecording() : t.env();
    const args = [
      ...command.args(room),
      '--retries',
      String(RETRIES),
      '--timeout',
      String(fault.timeout),
      ...(fault.verbose ? ['--verbose'] : []),
    ];
    const r = await out.run(args, { env, cwd: dir });
    const label = `enablex ${args.join(' ')}\nexit ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`;

    const want = command.code?.[fault.name] ?? command.code?.['*'] ?? 5;
    expect(r.code, label).toBe(want);
    expect(r.signal, label).toBeNull();
    // One `Error:` block that says what went wrong, and no stack trace anywhere.
    expect(r.stderr, label).toMatch(/^Error: \S/m);
    const stderr = fault.verbose ? r.stderr.slice(0, r.stderr.search(/^Error: /m)) : r.stderr;
    if (fault.verbose) expect(stderr, label).toMatch(/^> authorization: Basic \[REDACTED\]$/m);
    for (const text of [r.stdout, stderr]) {
      expect(text, label).not.toMatch(/^\s+at /m);
      expect(text, label).not.toMatch(/this is a bug|Unhandled|node:internal|TypeError|RangeError/i);
    }
    if (!command.reportsOnStdout && !command.outDir) expect(r.stdout, label).toBe('');

    // Each request is tried 1 + RETRIES times (waiting out Retry-After), except a POST that may
    // have reached the server: that one is sent exactly once.
    const post = command.request.startsWith('POST ');
    const perRequest = command.tries?.[fault.name] ?? (post && fault.postRetried !== true ? 1 : 1 + RETRIES);
    expect(r.ms, label).toBeGreaterThanOrEqual(fault.leastMs?.(perRequest) ?? 0);
    if (perFile) {
      expect(files.length, 'archive files of the demo session').toBeGreaterThan(1);
      const lines = await settledHits(t, mark, command, room, files.length * perRequest);
      const tries = new Map<string, number>();
      for (const l of lines) {
        const path = (l.split(' ')[1] ?? '').split('?')[0] ?? '';
        tries.set(path, (tries.get(path) ?? 0) + 1);
      }
      expect(Object.fromEntries(tries), label).toEqual(Object.fromEntries(files.map((f) => [f, perRequest])));
    } else {
      expect(await settledHits(t, mark, command, room, perRequest), label).toHaveLength(perRequest);
    }

    // Nothing half-written: an --out target keeps its old bytes and no temp file is left beside it
    // (nor anywhere in the working folder). A download whose listing failed writes nothing; one whose
    // files failed leaves only .partial files (the next run resumes them) and marks none complete.
    const after = filesUnder(dir);
    if (previous) expect(readFileSync(join(dir, command.outFile ?? ''), 'utf8'), label).toBe(PREVIOUS);
    if (!command.outDir) expect(after, label).toEqual(before);
    else if (!perFile) expect(filesUnder(join(dir, command.outDir)), label).toEqual([]);
    else {
      const saved = filesUnder(join(dir, command.outDir));
      expect(
        saved.filter((p) => !p.endsWith('.partial') && p !== MANIFEST),
        label,
      ).toEqual([]);
      if (saved.includes(MANIFEST)) {
        const manifest = readFileSync(join(dir, command.outDir, MANIFEST), 'utf8');
        expect(manifest, label).not.toMatch(/"complete":\s*true/);
      }
    }
    // No secret in any file the run left behind.
    for (const p of after) {
      const text = readFileSync(join(dir, p), 'latin1');
      for (const secret of secretsOf(t))
        expect(text.includes(secret), `${p} holds a secret\n${label}`).toBe(false);
    }
  });
});

/** The paths of the archive files of CONF, read from the API before the faults are set. */
async function archiveFiles(t: TestEmulator): Promise<string[]> {
  const a = await t.api('GET', `/archive/conf/${CONF}`);
  const urls = JSON.stringify(a.body).match(/https?:\/\/[^"]+/g) ?? [];
  return [...new Set(urls.map((u) => new URL(u).pathname))];
}

/** The values that must never be written anywhere: keys, passwords and the Basic headers they make. */
function secretsOf(t: TestEmulator): string[] {
  const { appId, appKey, recordingUser, recordingPassword } = t.creds;
  return [
    appKey,
    recordingPassword ?? '',
    Buffer.from(`${appId}:${appKey}`).toString('base64'),
    Buffer.from(`${recordingUser ?? ''}:${recordingPassword ?? ''}`).toString('base64'),
  ].filter(Boolean);
}
