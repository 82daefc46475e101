import { renderArchive } from './archive.js';
import { EmulatorError, invalid } from './errors.js';
import type { JsonObject } from './json.js';
import { json, type Reply, type Sink } from './reply.js';
import type { State } from './state.js';
import { syntheticIndexes, syntheticRecord, type ReportFilter, type SyntheticPlan } from './synthetic.js';
import { DAY_MS, parseDay } from './time.js';

/**
 * Reads the four documented filters: `conf/{n}`, `room/{id}`, `period/{from}/{to}`,
 * `room-period/{id}/{from}/{to}`. A missing or bad part gives 10201 (conf), 10202 (room),
 * 10203 (from), 10204 (to) or 10205 (from after to). The `/room/{id}/{from}/{to}` form of the
 * route page's sample request is a documented slip and is not served.
 */
export function parseReportPath(rest: string[]): ReportFilter {
  const [kind, ...args] = rest;
  const day = (value: string | undefined, code: string, what: string) => {
    const at = value === undefined ? undefined : parseDay(value);
    if (!at) throw invalid(code, `${what} date is missing or not YYYY-MM-DD`);
    return at.getTime();
  };
  const text = (value: string | undefined, code: string, what: string) => {
    if (value === undefined || value.trim() === '') throw invalid(code, `${what} is missing`);
    return value;
  };
  const period = (from: string | undefined, to: string | undefined) => {
    const fromMs = day(from, '10203', 'From');
    const toMs = day(to, '10204', 'To') + DAY_MS;
    if (fromMs >= toMs) throw invalid('10205', 'The period ends before it starts');
    return { fromMs, toMs };
  };
  const expect = (n: number) => {
    if (args.length > n) throw new EmulatorError(404, undefined, `No such route: /${rest.join('/')}`);
  };
  switch (kind) {
    case 'conf':
      expect(1);
      return { conf: text(args[0], '10201', 'conf_num') };
    case 'room':
      expect(1);
      return { room: text(args[0], '10202', 'room_id') };
    case 'period':
      expect(2);
      return period(args[0], args[1]);
    case 'room-period':
      expect(3);
      return { room: text(args[0], '10202', 'room_id'), ...period(args[1], args[2]) };
  }
  throw new EmulatorError(404, undefined, `No such route: /${rest.join('/')}`);
}

function selected(f: ReportFilter, conf: unknown, room: unknown, when: unknown): boolean {
  if (f.conf !== undefined && conf !== f.conf) return false;
  if (f.room !== undefined && room !== f.room) return false;
  const ms = typeof when === 'string' ? Date.parse(when) : NaN;
  return (f.fromMs === undefined || ms >= f.fromMs) && (f.toMs === undefined || ms < f.toMs);
}

/** GET /archive/...: `{"result": "0", "archive": [...]}` with file URLs on the caller's origin. */
export function archiveReply(state: State, f: ReportFilter, origin: string): Reply {
  const archive = state.archive
    .filter((a) => selected(f, a.conf_num, a.room_id, a.trans_date))
    .map((a) => renderArchive(a, origin));
  return json(200, { result: '0', archive });
}

/** The stored records, then the synthetic ones, made one at a time. */
function* records(
  stored: JsonObject[],
  plan: SyntheticPlan | undefined,
  f: ReportFilter,
): Generator<JsonObject> {
  yield* stored;
  if (plan) for (const i of syntheticIndexes(plan, f)) yield syntheticRecord(plan, i);
}

/** Records per write: big enough to be cheap, small enough to honour backpressure. */
const BATCH = 200;

/**
 * GET /cdr/...: `{"result": "0", "cdr": [...]}`, streamed. Stored records come first, then the
 * synthetic ones, generated on the fly and written in batches as the client reads.
 */
export function cdrReply(state: State, f: ReportFilter, plan: SyntheticPlan | undefined): Reply {
  const stored = state.cdr.filter((r) => {
    const room = r['room'] as JsonObject | undefined;
    return selected(f, r['conf_num'], room?.['room_id'], r['trans_date']);
  });
  return {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    stream: async (sink: Sink) => {
      await sink.write('{"result":"0","cdr":[');
      let first = true;
      let batch: string[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        await sink.write((first ? '' : ',') + batch.join(','));
        first = false;
        batch = [];
      };
      for (const record of records(stored, plan, f)) {
        batch.push(JSON.stringify(record));
        if (batch.length >= BATCH) {
          await flush();
          if (sink.closed) return;
        }
      }
      await flush();
      await sink.write(']}');
    },
  };
}
