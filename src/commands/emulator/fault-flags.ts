import { Option, type Command } from 'commander';

/**
 * The fault flags, shared by `enablex emulator` (at start) and `enablex emulator faults` (at runtime).
 * Only commander here: this file loads with every CLI start; the parsing lives in fault-config.ts.
 */
export function addFaultFlags(cmd: Command): Command {
  return cmd
    .addOption(new Option('--latency <ms>', 'add this delay to every API answer'))
    .addOption(new Option('--fail-rate <ratio>', 'share of API requests (0-1) answered with --fail-status'))
    .addOption(
      new Option(
        '--fail-status <code>',
        'status of injected failures (default 503; 200 with --fail-result)',
      ).choices(['200', '429', '500', '503']),
    )
    .addOption(
      new Option(
        '--fail-result <code>',
        'injected failures answer this API result code, e.g. 50001 (the real "Failed to create Room" on HTTP 200)',
      ),
    )
    .addOption(
      new Option('--retry-after <seconds>', 'Retry-After sent with 429 and 503 failures (default 1)'),
    )
    .addOption(
      new Option('--fail-first <n>', 'fail the next <n> API requests for sure, then apply the rates'),
    )
    .addOption(new Option('--hang-rate <ratio>', 'share of requests never answered'))
    .addOption(
      new Option('--truncate-rate <ratio>', 'share of answers cut off halfway, then the connection closes'),
    )
    .addOption(new Option('--non-json-rate <ratio>', 'share of answers that are an HTML error page'))
    .addOption(
      new Option('--non-json-status <code>', 'status of that HTML page (default 502)').choices([
        '200',
        '502',
      ]),
    )
    .addOption(new Option('--reset-rate <ratio>', 'share of connections reset without an answer'))
    .addOption(
      new Option(
        '--fault-match <text>',
        'only requests whose "METHOD /path" contains this text get faults; API paths as you write them ("GET /rooms")',
      ),
    )
    .addOption(new Option('--fault-seed <n>', 'seed of the fault dice (default 1): same seed, same faults'));
}
