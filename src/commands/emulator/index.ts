import { choice, defineCommand, list, text, textWithDefault, type VerbInput } from '../spec.js';
import clock from './clock.verb.js';
import end from './end.verb.js';
import faults from './faults.verb.js';
import { faultFlags } from './fault-flags.js';
import join from './join.verb.js';
import reset from './reset.verb.js';
import simulate from './simulate.verb.js';
import status from './status.verb.js';

const flags = {
  host: textWithDefault(
    '--host <host>',
    'address to listen on (0.0.0.0: every interface, with a warning)',
    '127.0.0.1',
  ),
  allowHost: list(
    '--allow-host <name>',
    'also answer requests whose Host header is <name> (repeatable; "*" for any): others are refused',
  ),
  port: textWithDefault('--port <port>', 'port to listen on (0 picks a free one)', '4040'),
  state: text('--state <file>', 'keep rooms, sessions, CDR and archive in this JSON file (default: memory)', {
    complete: 'file',
  }),
  seed: choice('--seed <name>', 'fill a new, empty state with demo rooms and a month of sessions', ['demo']),
  ...faultFlags,
  syntheticCdr: text(
    '--synthetic-cdr <count>',
    'also serve <count> generated CDR records (benchmarks; never stored)',
  ),
  syntheticFrom: text('--synthetic-from <date>', 'start of the synthetic CDR period (default: 30 days ago)'),
  syntheticTo: text('--synthetic-to <date>', 'end of the synthetic CDR period (default: now)'),
};

/** What `enablex emulator` (serving) runs with. */
export type EmulatorInput = VerbInput<typeof flags>;

/** What help says about the server before its examples. */
const about =
  '\nCredentials: ENABLEX_APP_ID / ENABLEX_APP_KEY and ENABLEX_RECORDING_USER / ENABLEX_RECORDING_PASSWORD\n' +
  'when set (never printed); otherwise fixed development credentials, printed at start.\n' +
  'The base URL goes to stdout; usage notes and one line per request to stderr (-q silences them).\n' +
  'Faults hit the API and the archive files, never the /_emulator/v1 control routes.\n' +
  'Requests whose Host header is not a loopback name or an address of this machine are refused\n' +
  '(DNS rebinding): name the hosts you use with --allow-host.\n';

/** `enablex emulator` (serve) and its helpers `simulate`, `end`, `join`, `faults`, `clock`, `reset`, `status`. */
export default defineCommand({
  name: 'emulator',
  summary:
    'run the bundled EnableX-compatible server (API under /video/v2) for local work and tests; stops on Ctrl-C',
  flags,
  about,
  examples: [
    [
      'a server with demo data that survives restarts',
      'enablex emulator --seed demo --state ./emulator.json',
    ],
    [
      'flaky network: 20% of requests fail with 503, 300 ms latency',
      'enablex emulator --fail-rate 0.2 --latency 300',
    ],
    [
      '200,000 extra CDR records for a benchmark, on a free port; base URL saved to a file',
      'enablex emulator --port 0 --synthetic-cdr 200000 -q > emulator-url.txt &',
    ],
  ],
  behaviour: { stopSignalIsSuccess: true },
  load: () => import('./serve.js'),
  subcommands: [simulate, end, join, faults, clock, reset, status],
});
