#!/usr/bin/env node
// Benchmark (never a test): `npm run bench` builds, then runs this.
//
// 1. Starts the built emulator in this process with synthetic CDR (default 200,000 records over
//    30 days) and times `enablex cdr --from --to -o csv --out <tmp>` in a child process: wall time,
//    records per second and peak RSS (GNU /usr/bin/time -v when present, else the child's own
//    process.resourceUsage().maxRSS through a small wrapper).
// 2. Beside it, curl + jq produce the same columns from one request for the whole period; the two
//    CSVs must hold the same number of records and the same cdr_id sequence.
// 3. Start-up time of `enablex --version` and `enablex room list --help` (median of 10 runs).
//
// Options: --count <n> (records), --days <n> (period length), --runs <n> (start-up runs).
import { spawn, spawnSync } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'enablex.js');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} needs a whole number >= 1`);
  return n;
}
const COUNT = option('count', 200_000);
const DAYS = option('days', 30);
const RUNS = option('runs', 10);
const FROM = '2026-01-01';
const TO = new Date(Date.parse(`${FROM}T00:00:00Z`) + (DAYS - 1) * 86_400_000).toISOString().slice(0, 10);

const hasTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-v', 'true']).status === 0;
const hasJq = spawnSync('sh', ['-c', 'command -v jq'], { stdio: 'ignore' }).status === 0;
const hasCurl = spawnSync('sh', ['-c', 'command -v curl'], { stdio: 'ignore' }).status === 0;

const work = mkdtempSync(join(tmpdir(), 'enablex-bench-'));
const rssFile = join(work, 'maxrss.txt');
const wrapper = join(work, 'measure.mjs');
// Fallback RSS probe: runs the CLI in the same process and writes its peak RSS (KiB) on exit.
writeFileSync(
  wrapper,
  `import { writeFileSync } from 'node:fs';\n` +
    `process.on('exit', () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n` +
    `process.argv.splice(1, 1);\n` +
    `await import(${JSON.stringify(pathToFileURL(bin).href)});\n`,
);

/** Runs a command; resolves with wall ms, peak RSS in KiB (or undefined), exit code and stderr. */
function measure(command, args, env, { shell = false } = {}) {
  return new Promise((resolve, reject) => {
    let file = command;
    let argv = args;
    if (hasTime) {
      argv = ['-v', ...(shell ? ['sh', '-c', args[0]] : [command, ...args])];
      file = '/usr/bin/time';
    } else if (shell) {
      argv = ['-c', args[0]];
      file = 'sh';
    } else if (command === process.execPath && args[0] === bin) {
      argv = [wrapper, ...args];
      rmSync(rssFile, { force: true });
    }
    const started = performance.now();
    const child = spawn(file, argv, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      let rssKiB;
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      if (m) rssKiB = Number(m[1]);
      else if (existsSync(rssFile)) rssKiB = Number(readFileSync(rssFile, 'utf8'));
      const own = hasTime ? stderr.replace(/\n?\tCommand being timed:[\s\S]*$/, '') : stderr;
      resolve({ ms, rssKiB, code, stderr: own.trim() });
    });
  });
}

/**
 * Counts CSV records and hashes the sequence of one column (by index from the end), streaming:
 * quoted fields may hold commas, quotes and newlines, and either line ending is accepted.
 */
async function scanCsv(path, fromEnd) {
  let inQuotes = false;
  let fields = [];
  let field = '';
  let records = 0;
  let sequence = 0;
  for await (const chunk of createReadStream(path, { encoding: 'utf8' })) {
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i];
      if (ch === '"') {
        inQuotes = !inQuotes;
        continue;
      }
      if (inQuotes) {
        field += ch;
        continue;
      }
      if (ch === ',') {
        fields.push(field);
        field = '';
      } else if (ch === '\n') {
        fields.push(field.replace(/\r$/, ''));
        if (records > 0) {
          const key = fields[fields.length - fromEnd] ?? '';
          for (let k = 0; k < key.length; k++) sequence = (Math.imul(sequence, 31) + key.charCodeAt(k)) >>> 0;
          sequence = (Math.imul(sequence, 31) + 10) >>> 0;
        }
        records += 1;
        fields = [];
        field = '';
      } else {
        field += ch;
      }
    }
  }
  return { records: Math.max(0, records - 1), sequence };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const fmtRss = (kib) => (kib === undefined ? 'n/a' : `${(kib / 1024).toFixed(0)} MiB`);
const fmtRate = (n, ms) => `${Math.round(n / (ms / 1000)).toLocaleString('en-US')}/s`;

function table(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells
      .map((c, i) => String(c).padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function main() {
  const { startEmulator, DEV_CREDENTIALS } = await import(
    pathToFileURL(join(root, 'dist/emulator/index.js')).href
  );
  const { CDR_COLUMNS } = await import(pathToFileURL(join(root, 'dist/commands/cdr/columns.js')).href);
  const server = await startEmulator({
    host: '127.0.0.1',
    port: 0,
    credentials: DEV_CREDENTIALS,
    syntheticCdr: { count: COUNT, from: FROM, to: TO },
  });
  const env = {
    ...process.env,
    ENABLEX_APP_ID: DEV_CREDENTIALS.appId,
    ENABLEX_APP_KEY: DEV_CREDENTIALS.appKey,
    ENABLEX_BASE_URL: server.baseUrl,
    ENABLEX_CONFIG_DIR: join(work, 'config'),
    NO_COLOR: '1',
  };
  delete env.ENABLEX_PROFILE;
  delete env.ENABLEX_EMULATOR;
  const results = [];
  const problems = [];
  try {
    process.stderr.write(
      `Synthetic CDR: ${COUNT.toLocaleString('en-US')} records, ${FROM}..${TO}, at ${server.baseUrl}\n`,
    );
    const variants = [
      ['enablex cdr (1-day chunks, 3 at a time)', []],
      [`enablex cdr --chunk-days ${DAYS} (one request)`, ['--chunk-days', String(DAYS)]],
    ];
    let reference;
    for (const [label, extra] of variants) {
      const out = join(work, `cli-${results.length}.csv`);
      process.stderr.write(`Running ${label}…\n`);
      const args = [bin, 'cdr', '--from', FROM, '--to', TO, '-o', 'csv', '--out', out, '-q', ...extra];
      const r = await measure(process.execPath, args, env);
      if (r.code !== 0) {
        problems.push(`${label} exited ${r.code}: ${r.stderr}`);
        continue;
      }
      const scan = await scanCsv(out, 1);
      reference ??= scan;
      results.push([
        label,
        scan.records.toLocaleString('en-US'),
        fmtMs(r.ms),
        fmtRate(scan.records, r.ms),
        fmtRss(r.rssKiB),
        `${(statSync(out).size / 1048576).toFixed(0)} MiB`,
      ]);
      if (scan.records !== COUNT) problems.push(`${label}: ${scan.records} records, expected ${COUNT}`);
      if (scan.sequence !== reference.sequence) problems.push(`${label}: cdr_id sequence differs`);
    }

    if (!hasJq || !hasCurl) {
      results.push([
        `curl + jq`,
        `${hasJq ? '' : 'jq'}${!hasJq && !hasCurl ? ', ' : ''}${hasCurl ? '' : 'curl'} not installed; apt-get install jq curl`,
        '',
        '',
        '',
        '',
      ]);
    } else {
      const out = join(work, 'jq.csv');
      const cell = (c) =>
        `(.${c
          .split('.')
          .map((k) => `"${k}"`)
          .join('.')} | if type == "object" or type == "array" then tojson else . end)`;
      const filter = `${JSON.stringify(CDR_COLUMNS)}, (.cdr[] | [${CDR_COLUMNS.map(cell).join(', ')}]) | @csv`;
      writeFileSync(join(work, 'filter.jq'), filter);
      const url = `${server.baseUrl}/cdr/period/${FROM}/${TO}`;
      // Credentials go through a curl config file, not the command line (ps would show them).
      writeFileSync(join(work, 'curl.cfg'), `user = "${DEV_CREDENTIALS.appId}:${DEV_CREDENTIALS.appKey}"\n`, {
        mode: 0o600,
      });
      const script = `curl -sS --fail -K '${join(work, 'curl.cfg')}' '${url}' | jq -r -f '${join(work, 'filter.jq')}' > '${out}'`;
      process.stderr.write('Running curl + jq…\n');
      const r = await measure('sh', [script], env, { shell: true });
      if (r.code !== 0) {
        problems.push(`curl + jq exited ${r.code}: ${r.stderr}`);
      } else {
        const scan = await scanCsv(out, 1);
        results.push([
          'curl + jq (one request, @csv)',
          scan.records.toLocaleString('en-US'),
          fmtMs(r.ms),
          fmtRate(scan.records, r.ms),
          fmtRss(r.rssKiB),
          `${(statSync(out).size / 1048576).toFixed(0)} MiB`,
        ]);
        if (reference && scan.records !== reference.records) {
          problems.push(`record counts differ: enablex ${reference.records}, curl + jq ${scan.records}`);
        }
        if (reference && scan.sequence !== reference.sequence)
          problems.push('curl + jq: cdr_id sequence differs from enablex');
      }
    }
  } finally {
    await server.close();
  }

  const startup = [];
  for (const [label, args] of [
    ['enablex --version', ['--version']],
    ['enablex room list --help', ['room', 'list', '--help']],
  ]) {
    spawnSync(process.execPath, [bin, ...args], { env, stdio: 'ignore' }); // warm the file cache
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const r = spawnSync(process.execPath, [bin, ...args], { env, stdio: 'ignore' });
      times.push(performance.now() - started);
      if (r.status !== 0) problems.push(`${label} exited ${r.status}`);
    }
    startup.push([label, fmtMs(median(times)), fmtMs(Math.min(...times)), fmtMs(Math.max(...times))]);
  }
  const nodeOnly = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
    nodeOnly.push(performance.now() - started);
  }
  startup.push([
    'node -e "" (baseline)',
    fmtMs(median(nodeOnly)),
    fmtMs(Math.min(...nodeOnly)),
    fmtMs(Math.max(...nodeOnly)),
  ]);

  const rssHow = hasTime ? 'GNU time -v' : 'process.resourceUsage().maxRSS';
  process.stdout.write(
    `\nCDR export: ${COUNT.toLocaleString('en-US')} records over ${DAYS} days (node ${process.version}, peak RSS by ${rssHow})\n\n` +
      table(['run', 'records', 'wall', 'records/s', 'peak RSS', 'CSV size'], results) +
      `\n\nStart-up (${RUNS} runs)\n\n` +
      table(['command', 'median', 'min', 'max'], startup) +
      '\n',
  );
  rmSync(work, { recursive: true, force: true });
  if (problems.length) {
    process.stdout.write(`\nProblems:\n${problems.map((p) => `- ${p}`).join('\n')}\n`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  rmSync(work, { recursive: true, force: true });
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
