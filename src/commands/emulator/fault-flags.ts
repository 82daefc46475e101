import { choice, text, type FlagValues } from '../spec.js';

/**
 * The fault flags, shared by `enablex emulator` (at start) and `enablex emulator faults` (at
 * runtime): the subcommand reads them from the noun too when given after its name (`shared`).
 * Only data here: this file loads with every CLI start; the parsing lives in fault-config.ts.
 */
export const faultFlags = {
  latency: text('--latency <ms>', 'add this delay to every API answer', { shared: true }),
  failRate: text('--fail-rate <ratio>', 'share of API requests (0-1) answered with --fail-status', {
    shared: true,
  }),
  failStatus: choice(
    '--fail-status <code>',
    'status of injected failures (default 503; 200 with --fail-result)',
    ['200', '429', '500', '503'],
    { shared: true },
  ),
  failResult: text(
    '--fail-result <code>',
    'injected failures answer this API result code, e.g. 50001 (the real "Failed to create Room" on HTTP 200)',
    { shared: true },
  ),
  retryAfter: text('--retry-after <seconds>', 'Retry-After sent with 429 and 503 failures (default 1)', {
    shared: true,
  }),
  failFirst: text('--fail-first <n>', 'fail the next <n> API requests for sure, then apply the rates', {
    shared: true,
  }),
  hangRate: text('--hang-rate <ratio>', 'share of requests never answered', { shared: true }),
  truncateRate: text(
    '--truncate-rate <ratio>',
    'share of answers cut off halfway, then the connection closes',
    { shared: true },
  ),
  nonJsonRate: text('--non-json-rate <ratio>', 'share of answers that are an HTML error page', {
    shared: true,
  }),
  nonJsonStatus: choice(
    '--non-json-status <code>',
    'status of that HTML page (default 502)',
    ['200', '502'],
    {
      shared: true,
    },
  ),
  resetRate: text('--reset-rate <ratio>', 'share of connections reset without an answer', { shared: true }),
  faultMatch: text(
    '--fault-match <text>',
    'only requests whose "METHOD /path" contains this text get faults; API paths as you write them ("GET /rooms")',
    { shared: true },
  ),
  faultSeed: text('--fault-seed <n>', 'seed of the fault dice (default 1): same seed, same faults', {
    shared: true,
  }),
};

/** The fault flags' values, as `run` receives them. */
export type FaultFlagValues = FlagValues<typeof faultFlags>;
