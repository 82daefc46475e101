import { mulberry32, type Random } from './prng.js';
import { json, type Reply } from './reply.js';
import { own } from './own.js';

/**
 * Faults injected into API and file responses (never into control routes), for resilience tests.
 * Rates are probabilities from 0 to 1 drawn from a seeded source, so a given sequence of requests
 * meets the same faults on every run. The rates together may not exceed 1.
 */
export interface FaultConfig {
  /** Added delay before every answer, in milliseconds. */
  latencyMs?: number;
  /** Share of requests answered with `failStatus`. */
  failRate?: number;
  /**
   * Status of injected failures: 200, 429 (with Retry-After), 500 or 503 (with Retry-After).
   * Default 503, or 200 when `failResult` is set.
   */
  failStatus?: 200 | 429 | 500 | 503;
  /**
   * The API result code injected failures answer with, e.g. "50001": the body is then the vendor's
   * error shape `{"result": "50001", "error": "[Reason] Failed to create Room", "desc": ""}`, as the
   * real API answered a valid room body (recorded 2018; its HTTP status was not logged, 200 is the default).
   */
  failResult?: string;
  /** Retry-After seconds sent with 429 and 503. Default 1. */
  retryAfterSeconds?: number;
  /** The next N matching requests fail for sure, before the rates apply. */
  failFirst?: number;
  /** Share of requests never answered. */
  hangRate?: number;
  /** Share of requests whose body stops halfway (Content-Length promises more), then the socket closes. */
  truncateRate?: number;
  /** Share of requests answered with an HTML error page instead of JSON. */
  nonJsonRate?: number;
  /** Status of the HTML page: 502 (a proxy error) or 200 (a captive portal). Default 502. */
  nonJsonStatus?: 200 | 502;
  /** Share of requests whose connection is reset without an answer. */
  resetRate?: number;
  /**
   * Only requests whose `METHOD /path` contains this text are affected. API paths match both as the
   * user sees them (relative to the base URL: `GET /rooms`) and in full (`GET /video/v2/rooms`).
   */
  match?: string;
  /** Seed of the random source. Default 1. */
  seed?: number;
}

/** The vendor table's wording of the codes an injected failure most likely carries. */
const FAULT_REASONS: Readonly<Record<string, string>> = {
  '50000': 'Internal Server Error',
  '50001': 'Failed to create Room',
  '50002': 'Failed to fetch list of Rooms',
  '50003': 'Failed to get Room Information',
  '50004': 'Failed to delete Room',
  '50005': 'Failed to delete Room',
  '10105': 'Server Busy',
};

/** The kinds of damage a request can get. */
type FaultKind = 'reset' | 'hang' | 'fail' | 'truncate' | 'non-json';

const RATES = ['resetRate', 'hangRate', 'failRate', 'truncateRate', 'nonJsonRate'] as const;
const KIND_OF: Record<(typeof RATES)[number], FaultKind> = {
  resetRate: 'reset',
  hangRate: 'hang',
  failRate: 'fail',
  truncateRate: 'truncate',
  nonJsonRate: 'non-json',
};
const KEYS = new Set<string>([
  ...RATES,
  'latencyMs',
  'failStatus',
  'retryAfterSeconds',
  'failFirst',
  'failResult',
  'nonJsonStatus',
  'match',
  'seed',
]);

/** Checks a fault configuration (from flags or the control route); throws an Error naming the bad key. */
export function checkFaultConfig(input: unknown): FaultConfig {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new Error('faults must be a JSON object');
  const cfg = input as Record<string, unknown>;
  for (const key of Object.keys(cfg)) if (!KEYS.has(key)) throw new Error(`unknown fault option "${key}"`);
  const num = (key: string, min: number, max: number, integer: boolean) => {
    const v = cfg[key];
    if (v === undefined) return;
    if (
      typeof v !== 'number' ||
      !Number.isFinite(v) ||
      v < min ||
      v > max ||
      (integer && !Number.isInteger(v))
    ) {
      throw new Error(`${key} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`);
    }
  };
  for (const rate of RATES) num(rate, 0, 1, false);
  num('latencyMs', 0, 600_000, true);
  num('retryAfterSeconds', 0, 86_400, true);
  num('failFirst', 0, 1_000_000, true);
  num('seed', 0, 2 ** 32 - 1, true);
  if (cfg['failStatus'] !== undefined && ![200, 429, 500, 503].includes(cfg['failStatus'] as number)) {
    throw new Error('failStatus must be 200, 429, 500 or 503');
  }
  if (
    cfg['failResult'] !== undefined &&
    !(typeof cfg['failResult'] === 'string' && /^\d{5}$/.test(cfg['failResult']))
  ) {
    throw new Error('failResult must be a 5-digit result code as a string, e.g. "50001"');
  }
  if (cfg['nonJsonStatus'] !== undefined && ![200, 502].includes(cfg['nonJsonStatus'] as number)) {
    throw new Error('nonJsonStatus must be 200 or 502');
  }
  if (cfg['match'] !== undefined && typeof cfg['match'] !== 'string')
    throw new Error('match must be a string');
  const total = RATES.reduce((sum, r) => sum + ((cfg[r] as number | undefined) ?? 0), 0);
  if (total > 1 + 1e-9) throw new Error(`the fault rates add up to ${total}; together they may not exceed 1`);
  return { ...(cfg as FaultConfig) };
}

/** The live fault settings of one server; replaced at runtime by PUT /_emulator/faults. */
export class Faults {
  private config: FaultConfig = {};
  private random: Random = mulberry32(1);
  private failFirstLeft = 0;

  constructor(config: FaultConfig = {}) {
    this.set(config);
  }

  /** Replaces the configuration and restarts the random sequence from its seed. */
  set(config: FaultConfig): void {
    this.config = checkFaultConfig(config);
    this.random = mulberry32(this.config.seed ?? 1);
    this.failFirstLeft = this.config.failFirst ?? 0;
  }

  /** The configuration, with how many sure failures are left. */
  get(): FaultConfig & { failFirstRemaining: number } {
    return { ...this.config, failFirstRemaining: this.failFirstLeft };
  }

  /**
   * Decides what happens to one request. Requests outside `match` draw nothing; `paths` are the
   * ways of writing the request's path (in full, and relative to the API base) that `match` may hit.
   */
  decide(method: string, ...paths: string[]): { kind: FaultKind | undefined; latencyMs: number } {
    const c = this.config;
    const match = c.match;
    if (match !== undefined && !paths.some((p) => `${method} ${p}`.includes(match)))
      return { kind: undefined, latencyMs: 0 };
    const latencyMs = c.latencyMs ?? 0;
    if (this.failFirstLeft > 0) {
      this.failFirstLeft -= 1;
      return { kind: 'fail', latencyMs };
    }
    if (!RATES.some((r) => (c[r] ?? 0) > 0)) return { kind: undefined, latencyMs };
    let draw = this.random();
    for (const rate of RATES) {
      draw -= c[rate] ?? 0;
      if (draw < 0) return { kind: KIND_OF[rate], latencyMs };
    }
    return { kind: undefined, latencyMs };
  }

  /** The answer of an injected failure or non-JSON page. */
  reply(kind: 'fail' | 'non-json'): Reply {
    if (kind === 'non-json') {
      const page =
        '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
        '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
      return {
        status: this.config.nonJsonStatus ?? 502,
        headers: { 'content-type': 'text/html' },
        body: page,
      };
    }
    const code = this.config.failResult;
    const status = this.config.failStatus ?? (code ? 200 : 503);
    const retry = { 'retry-after': String(this.config.retryAfterSeconds ?? 1) };
    if (code) {
      const error = `[Reason] ${own(FAULT_REASONS, code) ?? 'Injected failure'}`;
      return json(status, { result: code, error, desc: '' }, status === 429 || status === 503 ? retry : {});
    }
    if (status === 200)
      return json(200, { result: '50000', error: '[Reason] Internal Server Error', desc: '' });
    if (status === 500)
      return json(500, { result: '50000', error: '[Reason] Internal server error', desc: 'injected fault' });
    const error = status === 429 ? '[Reason] Too many requests' : '[Reason] Service unavailable';
    return json(status, { result: '10105', error, desc: 'injected fault' }, retry);
  }
}
