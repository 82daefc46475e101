#!/usr/bin/env node
// Benchmark (never a test), run by `npm run bench` after bench/run.mjs.
//
// `enablex room apply` creating 500 new rooms against the built emulator (in this process) with
// 50 ms of latency on every answer, at the default concurrency (4) and at 16. Each wall time is set
// beside the ideal, rooms x latency / concurrency; the target is within 1.5x of it (exit 1 if not).
// Each run also checks the emulator then holds exactly the rooms of the file (no duplicate).
//
// Options: --rooms <n> (default 500), --latency <ms> (default 50).
import { spawn } from 'node:child_process';
import { get } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'enablex.js');
const TARGET = 1.5;

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} needs a whole number >= 1`);
  return n;
}
const ROOMS = option('rooms', 500);
const LATENCY = option('latency', 50);

/** Runs the CLI; resolves with exit code, wall time and output. */
function runCli(args, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (d) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, ms: performance.now() - started, stderr }));
  });
}

/** GET a JSON answer of the emulator with its credentials. */
function getJson(url, creds) {
  const auth = `Basic ${Buffer.from(`${creds.appId}:${creds.appKey}`).toString('base64')}`;
  return new Promise((resolve, reject) => {
    get(url, { headers: { authorization: auth } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve(JSON.parse(body)));
    }).on('error', reject);
  });
}

/** A rooms file of ROOMS rooms of one owner_ref. */
function roomsFile(path, owner) {
  const rooms = Array.from(
    { length: ROOMS },
    (_, i) =>
      `  - name: Bench room ${i + 1}\n    owner_ref: ${owner}\n    settings:\n      participants: ${(i % 50) + 2}\n`,
  );
  writeFileSync(path, `rooms:\n${rooms.join('')}`);
}

async function main(work) {
  const { startEmulator, DEV_CREDENTIALS } = await import(
    pathToFileURL(join(root, 'dist/emulator/index.js')).href
  );
  const rows = [];
  const problems = [];
  for (const concurrency of [4, 16]) {
    // A fresh emulator per run: the emulator copies its whole state on every change, so rooms left by
    // an earlier run would slow this one down.
    const server = await startEmulator({
      host: '127.0.0.1',
      port: 0,
      credentials: DEV_CREDENTIALS,
      faults: { latencyMs: LATENCY },
    });
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      ENABLEX_APP_ID: DEV_CREDENTIALS.appId,
      ENABLEX_APP_KEY: DEV_CREDENTIALS.appKey,
      ENABLEX_BASE_URL: server.baseUrl,
      ENABLEX_CONFIG_DIR: join(work, 'config'),
      NO_COLOR: '1',
    };
    try {
      const owner = `bench-c${concurrency}`;
      const file = join(work, `${owner}.yaml`);
      roomsFile(file, owner);
      const r = await runCli(['room', 'apply', '-f', file, '--concurrency', String(concurrency)], env);
      if (r.code !== 0) problems.push(`concurrency ${concurrency}: exit ${r.code}\n${r.stderr.slice(-2000)}`);
      const list = await getJson(`${server.baseUrl}/rooms`, DEV_CREDENTIALS);
      const mine = list.rooms.filter((room) => room.owner_ref === owner);
      const names = new Set(mine.map((room) => room.name));
      if (mine.length !== ROOMS || names.size !== ROOMS)
        problems.push(`concurrency ${concurrency}: ${mine.length} rooms, ${names.size} names; want ${ROOMS}`);
      const ideal = (ROOMS * LATENCY) / concurrency;
      const ratio = r.ms / ideal;
      if (concurrency === 4 && ratio > TARGET)
        problems.push(`concurrency ${concurrency}: ${ratio.toFixed(2)}x the ideal (target ${TARGET}x)`);
      rows.push([
        String(concurrency),
        `${(r.ms / 1000).toFixed(2)} s`,
        `${(ideal / 1000).toFixed(2)} s`,
        `${ratio.toFixed(2)}x`,
      ]);
    } finally {
      await server.close();
    }
  }
  const head = ['concurrency', 'wall', 'ideal', 'ratio'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  process.stdout.write(
    `\nroom apply: ${ROOMS} new rooms, ${LATENCY} ms latency per answer (ideal = rooms x latency / concurrency; target <= ${TARGET}x)\n` +
      [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') +
      '\n',
  );
  if (problems.length) {
    process.stderr.write(`\nProblems:\n${problems.map((p) => `- ${p}`).join('\n')}\n`);
    process.exitCode = 1;
  }
}

const work = mkdtempSync(join(tmpdir(), 'enablex-bench-apply-'));
try {
  await main(work);
} finally {
  rmSync(work, { recursive: true, force: true });
}
