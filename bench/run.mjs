#!/usr/bin/env node
// Benchmark (never a test): `npm run bench` builds, then runs this.
//
// 1. Starts the built emulator in this process with synthetic CDR (default 200,000 records over
//    30 days) and times `enablex cdr --from --to -o csv --out <tmp>` in a child process, with the
//    default 1-day chunks and with 7-day chunks: wall and CPU time, records per second, peak RSS.
// 2. Beside it, curl + jq turn one request for the whole period into the same columns; every CSV
//    must hold the same number of records and the same cdr_id sequence (else exit 1).
// 3. Start-up time of `enablex --version` and `enablex room list --help` (median of 10 runs).
//
// Options: --count <n> (records), --days <n> (period length), --runs <n> (start-up runs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanCsv } from './csv-scan.mjs';
import { createMeasurer, fileUrl, rssMethod } from './measure.mjs';

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

const found = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmtMs = (ms) =>
  ms === undefined ? 'n/a' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
const fmtMiB = (bytes) => (bytes === undefined ? 'n/a' : `${Math.round(bytes / 1048576)} MiB`);
const fmtRate = (n, ms) => `${Math.round(n / (ms / 1000)).toLocaleString('en-US')}/s`;

/** A plain text table: a header, a rule, rows; columns padded to their widest cell. */
function table(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells
      .map((c, i) => String(c).padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The jq program that prints the CLI's fixed CSV columns (objects as JSON text, like the CLI). */
function jqProgram(columns) {
  const cell = (c) =>
    `(.${c
      .split('.')
      .map((k) => JSON.stringify(k))
      .join('.')} | if type == "object" or type == "array" then tojson else . end)`;
  return `${JSON.stringify(columns)}, (.cdr[] | [${columns.map(cell).join(', ')}]) | @csv`;
}

/** Times the exports; returns result rows, and pushes any mismatch onto `problems`. */
async function exports(measure, work, env, server, credentials, columns, problems) {
  const rows = [];
  const row = (label, scan, r, out) =>
    rows.push([
      label,
      scan.records.toLocaleString('en-US'),
      fmtMs(r.ms),
      fmtMs(r.cpuMs),
      fmtRate(scan.records, r.ms),
      r.rssKiB === undefined ? 'n/a' : fmtMiB(r.rssKiB * 1024),
      fmtMiB(statSync(out).size),
    ]);
  let reference;
  const check = (label, scan) => {
    reference ??= scan;
    if (scan.records !== COUNT) problems.push(`${label}: ${scan.records} records, expected ${COUNT}`);
    if (scan.sequence !== reference.sequence) problems.push(`${label}: the cdr_id sequence differs`);
  };
  for (const [label, extra] of [
    ['enablex cdr (1-day chunks, 3 at a time)', []],
    ['enablex cdr --chunk-days 7', ['--chunk-days', '7']],
  ]) {
    const out = join(work, `cli-${rows.length}.csv`);
    process.stderr.write(`Running ${label}…\n`);
    const args = ['cdr', '--from', FROM, '--to', TO, '-o', 'csv', '--out', out, '-q', '--timeout', '600'];
    const r = await measure(process.execPath, [bin, ...args, ...extra], env);
    if (r.code !== 0) {
      problems.push(`${label} exited ${r.code}: ${r.stderr}`);
      continue;
    }
    const scan = await scanCsv(out);
    row(label, scan, r, out);
    check(label, scan);
  }
  const missing = ['curl', 'jq'].filter((t) => !found(t));
  if (missing.length) {
    rows.push(['curl + jq', `${missing.join(' and ')} not installed; apt-get install ${missing.join(' ')}`]);
    return rows;
  }
  const out = join(work, 'jq.csv');
  writeFileSync(join(work, 'filter.jq'), jqProgram(columns));
  // The credentials go in a curl config file, not on the command line (ps would show them).
  writeFileSync(join(work, 'curl.cfg'), `user = "${credentials.appId}:${credentials.appKey}"\n`, {
    mode: 0o600,
  });
  const url = `${server.baseUrl}/cdr/period/${FROM}/${TO}`;
  const script = `curl -sS --fail -K '${join(work, 'curl.cfg')}' '${url}' | jq -r -f '${join(work, 'filter.jq')}' > '${out}'`;
  process.stderr.write('Running curl + jq…\n');
  const r = await measure('sh', [script], env, { shell: true });
  if (r.code !== 0) {
    problems.push(`curl + jq exited ${r.code}: ${r.stderr}`);
    return rows;
  }
  const scan = await scanCsv(out);
  row('curl + jq (one request, @csv)', scan, r, out);
  check('curl + jq', scan);
  return rows;
}

/** Median start-up times of a few commands that send nothing. */
function startup(env, problems) {
  const time = (args) => {
    spawnSync(process.execPath, args, { env, stdio: 'ignore' }); // warm the file cache
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const r = spawnSync(process.execPath, args, { env, stdio: 'ignore' });
      times.push(performance.now() - started);
      if (r.status !== 0) problems.push(`node ${args.join(' ')} exited ${r.status}`);
    }
    return [fmtMs(median(times)), fmtMs(Math.min(...times)), fmtMs(Math.max(...times))];
  };
  return [
    ['enablex --version', ...time([bin, '--version'])],
    ['enablex room list --help', ...time([bin, 'room', 'list', '--help'])],
    ['node -e "" (baseline)', ...time(['-e', ''])],
  ];
}

async function main(work) {
  const { startEmulator, DEV_CREDENTIALS } = await import(fileUrl(join(root, 'dist/emulator/index.js')));
  const { CDR_COLUMNS } = await import(fileUrl(join(root, 'dist/commands/cdr/columns.js')));
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
  const problems = [];
  let rows;
  process.stderr.write(`Synthetic CDR: ${COUNT.toLocaleString('en-US')} records, ${FROM}..${TO}\n`);
  try {
    rows = await exports(createMeasurer(work), work, env, server, DEV_CREDENTIALS, CDR_COLUMNS, problems);
  } finally {
    await server.close();
  }
  const head = ['run', 'records', 'wall', 'CPU', 'records/s', 'peak RSS', 'CSV size'];
  process.stdout.write(
    `\nCDR export: ${COUNT.toLocaleString('en-US')} records over ${DAYS} days ` +
      `(node ${process.version}, ${spawnSync('nproc').stdout?.toString().trim() || '?'} CPUs, peak RSS by ${rssMethod})\n\n` +
      table(
        head,
        rows.map((r) => head.map((_, i) => r[i] ?? '')),
      ) +
      `\n\nStart-up (median of ${RUNS} runs)\n\n` +
      table(['command', 'median', 'min', 'max'], startup(env, problems)) +
      '\n',
  );
  if (problems.length) {
    process.stdout.write(`\nProblems:\n${problems.map((p) => `- ${p}`).join('\n')}\n`);
    process.exitCode = 1;
  }
}

const work = mkdtempSync(join(tmpdir(), 'enablex-bench-'));
try {
  await main(work);
} catch (err) {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
