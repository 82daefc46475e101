#!/usr/bin/env node
// Benchmark (never a test): `npm run bench` builds, then runs this. Every figure comes from this one
// run, side by side with its baseline, as the median of paired runs (baseline and enablex one after
// the other, so both see the same machine load) and the median of the per-pair ratios.
//
// The server is a static loopback server (bench/static-server.mjs): records generated once and
// pre-serialised to files, rooms serialised once, so the client is what is measured.
//
// Options: --quick (small data, few runs: for development), --runs <n> (start-up pairs, default 15).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanCsv } from './csv-scan.mjs';
import { createMeasurer, fileUrl, rssMethod } from './measure.mjs';
import { roomsBody, serve, writeCdr } from './static-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'enablex.js');
const QUICK = process.argv.includes('--quick');
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : QUICK ? 5 : 15;
const HEAVY_RUNS = QUICK ? 1 : 3;
const FROM = '2026-01-01';
const DAYS = 30;
const MAIN = QUICK ? 20_000 : 200_000;
const SCALE = QUICK ? [5_000, 20_000] : [10_000, 200_000, 1_000_000];
const ROOMS = QUICK ? [1000] : [1000, 10_000];
const TO = new Date(Date.parse(`${FROM}T00:00:00Z`) + (DAYS - 1) * 86_400_000).toISOString().slice(0, 10);

// The least a Node program does for `room list -o json`: the floor under its start-up ratio.
const BARE_GET = `require('node:http').get(process.env.BARE_URL, (res) => {
  const parts = [];
  res.on('data', (d) => parts.push(d));
  res.on('end', () => process.stdout.write(JSON.stringify(JSON.parse(Buffer.concat(parts).toString()).rooms, null, 2) + '\\n'));
});`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (v) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 100 ? 1 : 0)} ms`);
const mib = (kib) => (kib === undefined ? 'n/a' : `${Math.round(kib / 1024)} MiB`);
const num = (n) => n.toLocaleString('en-US');
const say = (s) => process.stderr.write(`${s}\n`);

/** A plain text table: a header, a rule, rows; columns padded to their widest cell. */
function table(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (cells) =>
    cells
      .map((c, i) => String(c ?? '').padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/**
 * Wall time of one run, in ms (output discarded; a failure is a problem). Asynchronous: the static
 * server answers from this same process, so a synchronous spawn would leave it unable to answer.
 */
function timeOnce(file, args, env, problems) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const took = performance.now() - started;
      if (code !== 0) problems.push(`${file} ${args.join(' ')} exited ${code}: ${stderr}`);
      resolve(took);
    });
  });
}

/** Paired runs of a baseline and a command: medians of each and of the ratios. */
async function paired(base, cmd, runs, problems) {
  await timeOnce(...base, problems); // warm the file cache
  await timeOnce(...cmd, problems);
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    a.push(await timeOnce(...base, problems));
    b.push(await timeOnce(...cmd, problems));
  }
  return { base: median(a), cmd: median(b), ratio: median(b.map((v, i) => v / a[i])) };
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

async function main(work) {
  const problems = [];
  const results = [];
  const target = (what, measured, baseline, ratio, goal, met) =>
    results.push([what, measured, baseline, ratio, goal, met === undefined ? '' : met ? 'yes' : 'NO']);
  const baseEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ENABLEX_APP_ID: 'bench-app',
    ENABLEX_APP_KEY: 'bench-key',
    ENABLEX_CONFIG_DIR: join(work, 'config'),
    NO_COLOR: '1',
  };
  say(`Writing ${num(MAIN)} synthetic CDR records…`);
  const datasets = { main: await writeCdr(root, join(work, 'cdr-main'), MAIN, FROM, DAYS) };
  for (const n of SCALE) {
    if (n === MAIN) continue;
    say(`Writing ${num(n)} synthetic CDR records…`);
    datasets[`n${n}`] = await writeCdr(root, join(work, `cdr-${n}`), n, FROM, DAYS);
  }
  const server = await serve({
    rooms: Object.fromEntries(ROOMS.map((n) => [n, roomsBody(n)])),
    cdr: datasets,
  });
  const node0 = [process.execPath, ['-e', '0'], baseEnv];
  try {
    // Start-up and room lists.
    say('Start-up…');
    const v = await paired(node0, [process.execPath, [bin, '--version'], baseEnv], RUNS, problems);
    target(
      'enablex --version',
      ms(v.cmd),
      `node -e 0: ${ms(v.base)}`,
      `${v.ratio.toFixed(2)}x`,
      '<= 1.3x',
      v.ratio <= 1.3,
    );
    const h = await paired(node0, [process.execPath, [bin, '--help'], baseEnv], RUNS, problems);
    target('enablex --help', ms(h.cmd), `node -e 0: ${ms(h.base)}`, `${h.ratio.toFixed(2)}x`, '', undefined);
    for (const n of ROOMS) {
      const env = { ...baseEnv, ENABLEX_BASE_URL: server.roomsUrl(n) };
      say(`room list, ${num(n)} rooms…`);
      const j = await paired(
        node0,
        [process.execPath, [bin, 'room', 'list', '-o', 'json'], env],
        RUNS,
        problems,
      );
      const t = await paired(node0, [process.execPath, [bin, 'room', 'list'], env], RUNS, problems);
      const main = n === 1000;
      // What any Node CLI pays for this command: one GET with node:http, JSON.parse and printing.
      const bare = main
        ? await paired(
            node0,
            [process.execPath, ['-e', BARE_GET], { ...env, BARE_URL: `${env.ENABLEX_BASE_URL}/rooms` }],
            RUNS,
            problems,
          )
        : undefined;
      target(
        `room list -o json, ${num(n)} rooms`,
        ms(j.cmd),
        `node -e 0: ${ms(j.base)}`,
        `${j.ratio.toFixed(2)}x`,
        main ? '<= 2.0x' : '',
        main ? j.ratio <= 2 : undefined,
      );
      if (bare) {
        target(
          '  node:http GET + JSON.parse + print, no CLI',
          ms(bare.cmd),
          `node -e 0: ${ms(bare.base)}`,
          `${bare.ratio.toFixed(2)}x`,
          '',
          undefined,
        );
      }
      target(
        `room list (table), ${num(n)} rooms`,
        ms(t.cmd),
        `node -e 0: ${ms(t.base)}`,
        `${t.ratio.toFixed(2)}x`,
        main ? '<= 2.5x' : '',
        main ? t.ratio <= 2.5 : undefined,
      );
    }

    // The table layout alone, in this process: cli-table3 against the column formatter.
    {
      const { createRequire } = await import('node:module');
      const Table = createRequire(import.meta.url)('cli-table3');
      const { columnsText } = await import(fileUrl(join(root, 'dist/output/render.js')));
      const head = ['room_id', 'name', 'owner_ref', 'mode', 'participants', 'scheduled_time'];
      const body = Array.from({ length: 1000 }, (_, i) => [
        `b0${i}`,
        `Bench room ${i + 1}`,
        `team-${i % 50}`,
        'group',
        '10',
        '2026-12-01 10:00:00',
      ]);
      const none = Object.fromEntries(
        [
          'top',
          'top-mid',
          'top-left',
          'top-right',
          'bottom',
          'bottom-mid',
          'bottom-left',
          'bottom-right',
          'left',
          'left-mid',
          'mid',
          'mid-mid',
          'right',
          'right-mid',
        ].map((k) => [k, '']),
      );
      const viaTable3 = () => {
        const t = new Table({
          chars: { ...none, middle: '  ' },
          style: { 'padding-left': 0, 'padding-right': 0, head: [], border: [] },
          head,
        });
        for (const row of body) t.push(row);
        return t.toString();
      };
      const time = (fn) => {
        fn();
        const xs = [];
        for (let i = 0; i < RUNS; i++) {
          const started = performance.now();
          fn();
          xs.push(performance.now() - started);
        }
        return median(xs);
      };
      const a = time(viaTable3);
      const b = time(() => columnsText(head, body));
      target(
        'table layout of 1,000 rows (in-process)',
        ms(b),
        `cli-table3: ${ms(a)}`,
        `${(a / b).toFixed(0)}x faster`,
        '',
        undefined,
      );
    }

    // CDR export against curl | jq and against the floor.
    const measure = createMeasurer(work);
    const cdrEnv = { ...baseEnv, ENABLEX_BASE_URL: server.cdrUrl('main') };
    const url = `${server.cdrUrl('main')}/cdr/period/${FROM}/${TO}`;
    const body = join(work, 'body.json');
    const cli = (out, format, extra = [], env = cdrEnv) =>
      measure(
        process.execPath,
        [
          bin,
          'cdr',
          '--from',
          FROM,
          '--to',
          TO,
          '-o',
          format,
          '--out',
          out,
          '-q',
          '--timeout',
          '900',
          ...extra,
        ],
        env,
      );
    const missing = ['curl', 'jq'].filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
    const rows = { cli: [], jq: [], curl: [], parse: [] };
    const expectSame = async (label, path, reference) => {
      const scan = await scanCsv(path);
      if (scan.records !== MAIN) problems.push(`${label}: ${scan.records} records, expected ${MAIN}`);
      if (reference && scan.sequence !== reference.sequence)
        problems.push(`${label}: the cdr_id sequence differs from enablex's`);
      return scan;
    };
    let reference;
    if (missing.length) problems.push(`curl + jq comparison skipped: ${missing.join(' and ')} not installed`);
    else {
      writeFileSync(
        join(work, 'filter.jq'),
        jqProgram((await import(fileUrl(join(root, 'dist/commands/cdr/columns.js')))).CDR_COLUMNS),
      );
      await measure('curl', ['-sS', '-o', body, url], cdrEnv);
    }
    for (let i = 0; i < HEAVY_RUNS; i++) {
      say(`CDR ${num(MAIN)} records to CSV, pair ${i + 1} of ${HEAVY_RUNS}…`);
      const out = join(work, 'cli.csv');
      const r = await cli(out, 'csv');
      if (r.code !== 0) problems.push(`enablex cdr exited ${r.code}: ${r.stderr}`);
      rows.cli.push(r);
      reference = await expectSame('enablex cdr', out, reference);
      if (missing.length) continue;
      const jqOut = join(work, 'jq.csv');
      const j = await measure(
        'sh',
        [`curl -sS --fail '${url}' | jq -r -f '${join(work, 'filter.jq')}' > '${jqOut}'`],
        cdrEnv,
        { shell: true },
      );
      if (j.code !== 0) problems.push(`curl | jq exited ${j.code}: ${j.stderr}`);
      rows.jq.push(j);
      await expectSame('curl | jq', jqOut, reference);
      rows.curl.push(await measure('curl', ['-sS', '-o', '/dev/null', url], cdrEnv));
      // The file is read first, untimed: the floor is the transfer (curl) plus the parse alone.
      const p = spawnSync(
        process.execPath,
        [
          '-e',
          `const s=require('fs').readFileSync(${JSON.stringify(body)},'utf8');const t=performance.now();JSON.parse(s);process.stdout.write(String(performance.now()-t))`,
        ],
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      );
      if (p.status !== 0) problems.push(`JSON.parse of the answer failed: ${p.stderr}`);
      rows.parse.push(Number(p.stdout));
    }
    const cliMs = median(rows.cli.map((r) => r.ms));
    if (!missing.length) {
      const jqMs = median(rows.jq.map((r) => r.ms));
      const speed = median(rows.jq.map((r, i) => r.ms / rows.cli[i].ms));
      target(
        `cdr ${num(MAIN)} records / ${DAYS} days to CSV`,
        ms(cliMs),
        `curl | jq: ${ms(jqMs)}`,
        `${speed.toFixed(1)}x faster`,
        '>= 5x faster',
        speed >= 5,
      );
      const floors = rows.curl.map((r, i) => r.ms + rows.parse[i]);
      const vsFloor = median(rows.cli.map((r, i) => r.ms / floors[i]));
      target(
        `  the same, against the floor`,
        ms(cliMs),
        `curl -o /dev/null ${ms(median(rows.curl.map((r) => r.ms)))} + JSON.parse ${ms(median(rows.parse))}`,
        `${vsFloor.toFixed(2)}x`,
        '<= 2x',
        vsFloor <= 2,
      );
    }
    // Peak memory per format, and with the whole period in one request.
    for (const [format, extra] of [
      ['csv', []],
      ['json', []],
      ['ndjson', []],
      ['csv', ['--chunk-days', String(DAYS)]],
    ]) {
      say(`CDR peak memory, -o ${format} ${extra.join(' ')}…`);
      const r = await cli(join(work, `mem.${format}`), format, extra);
      if (r.code !== 0) problems.push(`enablex cdr -o ${format} exited ${r.code}: ${r.stderr}`);
      const label = `cdr peak RSS, -o ${format}${extra.length ? ` ${extra.join(' ')} (one request)` : ''}`;
      target(
        label,
        mib(r.rssKiB),
        `wall ${ms(r.ms)}`,
        '',
        '<= 200 MiB',
        r.rssKiB !== undefined && r.rssKiB <= 200 * 1024,
      );
    }
    // Growth with the number of records.
    const growth = [];
    for (const n of SCALE) {
      say(`CDR growth, ${num(n)} records…`);
      const env = { ...baseEnv, ENABLEX_BASE_URL: server.cdrUrl(n === MAIN ? 'main' : `n${n}`) };
      const r = await cli(join(work, `scale.csv`), 'csv', [], env);
      if (r.code !== 0) problems.push(`enablex cdr (${n} records) exited ${r.code}: ${r.stderr}`);
      growth.push([num(n), ms(r.ms), `${num(Math.round(n / (r.ms / 1000)))}/s`, mib(r.rssKiB)]);
    }
    const cpus = spawnSync('nproc').stdout?.toString().trim() || '?';
    process.stdout.write(
      `\nenablex benchmark${QUICK ? ' (--quick: small data, few runs; not the figures to quote)' : ''}: node ${process.version}, ${cpus} CPUs, ` +
        `load average ${(await import('node:os')).loadavg()[0].toFixed(1)}, peak RSS by ${rssMethod}\n` +
        `Start-up and room lists: median of ${RUNS} pairs; CDR: median of ${HEAVY_RUNS}; ${num(MAIN)} records are ${mib(datasets.main.bytes / 1024)} of JSON.\n\n` +
        table(['what', 'enablex', 'baseline', 'ratio', 'target', 'met'], results) +
        `\n\nCDR export to CSV as the record count grows (${DAYS} days, 1-day chunks, 3 at a time)\n\n` +
        table(['records', 'wall', 'records/s', 'peak RSS'], growth) +
        '\n',
    );
  } finally {
    await server.close();
  }
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
