// Benchmark helper: a static EnableX-shaped server that costs next to nothing, so the client is what
// is measured. Records are generated once (by the emulator's synthetic generator, so they have the
// full CDR shape) and written to one file per day; a request for a period streams the files of its
// days from the page cache. Rooms are serialised once per size and sent as one buffer.
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { join } from 'node:path';

const DAY_MS = 86_400_000;

/**
 * Writes `count` synthetic CDR records over `days` days from `from` into `dir`, one file per UTC day
 * holding the records' JSON joined by commas. Returns the dataset for `serve`.
 */
export async function writeCdr(root, dir, count, from, days) {
  const { planSynthetic, syntheticRecord } = await import(join(root, 'dist/emulator/synthetic.js'));
  const to = new Date(Date.parse(`${from}T00:00:00Z`) + (days - 1) * DAY_MS).toISOString().slice(0, 10);
  const plan = planSynthetic({ count, from, to }, 'bench-app');
  mkdirSync(dir, { recursive: true });
  const fromMs = Date.parse(`${from}T00:00:00Z`);
  const sizes = new Array(days).fill(0);
  let day = -1;
  let out;
  let batch = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const text = (sizes[day] > 0 ? ',' : '') + batch.join(',');
    sizes[day] += Buffer.byteLength(text);
    batch = [];
    if (!out.write(text)) await once(out, 'drain');
  };
  for (let i = 0; i < count; i++) {
    const record = syntheticRecord(plan, i);
    const d = Math.min(days - 1, Math.floor((Date.parse(record.trans_date) - fromMs) / DAY_MS));
    if (d !== day) {
      if (out) {
        await flush();
        out.end();
        await once(out, 'close');
      }
      day = d;
      out = createWriteStream(join(dir, `day-${d}.json`));
    }
    batch.push(JSON.stringify(record));
    if (batch.length >= 500) await flush();
  }
  if (out) {
    await flush();
    out.end();
    await once(out, 'close');
  }
  return { dir, from, to, fromMs, days, count, sizes, bytes: sizes.reduce((a, b) => a + b, 0) };
}

/** `n` rooms as GET /rooms answers them, serialised once. */
export function roomsBody(n) {
  const rooms = Array.from({ length: n }, (_, i) => ({
    room_id: `b0${i.toString(16).padStart(22, '0')}`,
    name: `Bench room ${i + 1}`,
    owner_ref: `team-${i % 50}`,
    service_id: 'bench',
    created: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    settings: {
      description: `Room number ${i + 1} of the benchmark`,
      mode: i % 3 ? 'group' : 'lecture',
      scheduled: i % 2 === 0,
      adhoc: false,
      participants: String(2 + (i % 20)),
      duration: 60,
      moderators: '1',
      quality: 'SD',
      auto_recording: false,
      ...(i % 2 === 0 ? { scheduled_time: '2026-12-01 10:00:00' } : {}),
    },
    sip: { enabled: false },
    data: {},
  }));
  return Buffer.from(JSON.stringify({ result: 0, rooms }));
}

/**
 * Starts the server on a free loopback port. Routes: `/rooms-<n>/video/v2/rooms` (n as given in
 * `roomSizes`) and `/cdr-<name>/video/v2/cdr/period/<from>/<to>` for each dataset by name.
 */
export async function serve({ rooms = {}, cdr = {} }) {
  const roomBodies = Object.fromEntries(Object.entries(rooms).map(([n, body]) => [n, body]));
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    let m = /^\/rooms-(\w+)\/video\/v2\/rooms$/.exec(url.pathname);
    if (m && roomBodies[m[1]]) {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': roomBodies[m[1]].length });
      return res.end(roomBodies[m[1]]);
    }
    m = /^\/cdr-(\w+)\/video\/v2\/cdr\/period\/(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/.exec(url.pathname);
    const set = m && cdr[m[1]];
    if (!set) {
      res.writeHead(404, { 'content-type': 'application/json' });
      return res.end('{"result":40001,"error":"not found"}');
    }
    const first = Math.max(0, Math.round((Date.parse(`${m[2]}T00:00:00Z`) - set.fromMs) / DAY_MS));
    const last = Math.min(set.days - 1, Math.round((Date.parse(`${m[3]}T00:00:00Z`) - set.fromMs) / DAY_MS));
    const days = [];
    for (let d = first; d <= last; d++) if (set.sizes[d] > 0) days.push(d);
    const head = Buffer.from('{"result":"0","cdr":[');
    const tail = Buffer.from(']}');
    const length =
      head.length + tail.length + days.reduce((n, d) => n + set.sizes[d], 0) + Math.max(0, days.length - 1);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': length });
    res.write(head);
    try {
      for (const [k, d] of days.entries()) {
        if (k > 0) res.write(',');
        for await (const chunk of createReadStream(join(set.dir, `day-${d}.json`), {
          highWaterMark: 1 << 20,
        })) {
          if (!res.write(chunk)) await once(res, 'drain');
        }
      }
      res.end(tail);
    } catch {
      res.destroy();
    }
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    roomsUrl: (n) => `${origin}/rooms-${n}/video/v2`,
    cdrUrl: (name) => `${origin}/cdr-${name}/video/v2`,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(r);
      }),
  };
}
