import { Option, type Command } from 'commander';
import { addWatchFlags } from '../../watch/flags.js';
import { examples, type ActionFactory } from '../define.js';
import { addFaultFlags } from './fault-flags.js';

/** `enablex emulator` (serve) and its helpers `simulate`, `end`, `join`, `faults`, `clock`, `reset`, `status`. */
export function registerEmulator(program: Command, action: ActionFactory): void {
  const emulator = addFaultFlags(
    program
      .command('emulator')
      .description(
        'run the bundled EnableX-compatible server (API under /video/v2) for local work and tests; stops on Ctrl-C',
      )
      .addOption(
        new Option(
          '--host <host>',
          'address to listen on (0.0.0.0: every interface, with a warning)',
        ).default('127.0.0.1'),
      )
      .addOption(
        new Option(
          '--allow-host <name>',
          'also answer requests whose Host header is <name> (repeatable; "*" for any): others are refused',
        ).argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]),
      )
      .addOption(new Option('--port <port>', 'port to listen on (0 picks a free one)').default('4040'))
      .addOption(
        new Option(
          '--state <file>',
          'keep rooms, sessions, CDR and archive in this JSON file (default: memory)',
        ),
      )
      .addOption(
        new Option(
          '--seed <name>',
          'fill a new, empty state with demo rooms and a month of sessions',
        ).choices(['demo']),
      ),
  )
    .addOption(
      new Option(
        '--synthetic-cdr <count>',
        'also serve <count> generated CDR records (benchmarks; never stored)',
      ),
    )
    .addOption(
      new Option('--synthetic-from <date>', 'start of the synthetic CDR period (default: 30 days ago)'),
    )
    .addOption(new Option('--synthetic-to <date>', 'end of the synthetic CDR period (default: now)'))
    .addHelpText(
      'after',
      '\nCredentials: ENABLEX_APP_ID / ENABLEX_APP_KEY and ENABLEX_RECORDING_USER / ENABLEX_RECORDING_PASSWORD\n' +
        'when set (never printed); otherwise fixed development credentials, printed at start.\n' +
        'The base URL goes to stdout; usage notes and one line per request to stderr (-q silences them).\n' +
        'Faults hit the API and the archive files, never the /_emulator/v1 control routes.\n' +
        'Requests whose Host header is not a loopback name or an address of this machine are refused\n' +
        '(DNS rebinding): name the hosts you use with --allow-host.\n' +
        examples(
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
        ),
    )
    .action(action(() => import('./serve.js')));

  emulator
    .command('simulate')
    .description('record a finished session in a room (CDR and archive), or start a live one with --live')
    .argument('<room-id>', 'the room id')
    .addOption(new Option('--users <n>', 'how many people take part').default('3'))
    .addOption(
      new Option(
        '--minutes <n>',
        'how long the session lasts (a live one ends by itself after that)',
      ).default('12'),
    )
    .addOption(
      new Option(
        '--live',
        'start a session in progress instead (see `enablex users`; end it with `emulator end`)',
      ),
    )
    .addHelpText(
      'after',
      examples(
        [
          'a finished 12-minute session with 3 users, then its CDR',
          `enablex emulator simulate "$ROOM" && enablex cdr --room "$ROOM"`,
        ],
        [
          'a live session of 5 for half an hour',
          'enablex emulator simulate "$ROOM" --live --users 5 --minutes 30',
        ],
        ['against the in-process emulator', 'enablex --emulator emulator simulate "$ROOM" --live'],
      ),
    )
    .action(action(() => import('./simulate.js')));

  emulator
    .command('end')
    .description("end a room's live session now and write its CDR and archive")
    .argument('<room-id>', 'the room id')
    .addHelpText(
      'after',
      examples(
        ['end the live session', 'enablex emulator end "$ROOM"'],
        ['end it, then read the CDR it wrote', 'enablex emulator end "$ROOM" && enablex cdr --room "$ROOM"'],
      ),
    )
    .action(action(() => import('./end.js')));

  emulator
    .command('join')
    .description('use a token as a client would: single use, within its 15 minutes')
    .argument('<token>', 'a token from `enablex token`, or - to read it from stdin')
    .addHelpText(
      'after',
      examples(
        [
          'create a token and join with it',
          'enablex token "$ROOM" --name Ann --user-ref u1 -q | enablex emulator join -',
        ],
        ['join with a saved token; a second join is refused', 'enablex emulator join "$TOKEN" -o json'],
      ),
    )
    .action(action(() => import('./join.js')));

  addFaultFlags(
    emulator
      .command('faults')
      .description("show, replace (with the flags given) or clear a running emulator's injected faults")
      .addOption(new Option('--clear', 'remove every fault')),
  )
    .addHelpText(
      'after',
      examples(
        ['what is injected now', 'enablex emulator faults'],
        [
          'the next 2 requests get 429 with Retry-After: 2',
          'enablex emulator faults --fail-first 2 --fail-status 429 --retry-after 2',
        ],
        ['back to normal', 'enablex emulator faults --clear'],
      ),
    )
    .action(action(() => import('./faults.js')));

  const clock = emulator
    .command('clock')
    .description("move, set or show a running emulator's clock (tokens expire, rooms open, sessions end)");
  clock
    .command('advance')
    .description('move the emulator clock by <minutes> (negative goes back; at most 10 years a call)')
    .argument('<minutes>', 'minutes to move, e.g. 90 or -30')
    .addHelpText(
      'after',
      examples(
        ['past the 15 minutes of a token', 'enablex emulator clock advance 16'],
        ['a day later, against the in-process emulator', 'enablex --emulator emulator clock advance 1440'],
      ),
    )
    .action(action(() => import('./clock.js')));
  clock
    .command('set')
    .description('set the emulator clock to <time> (ISO 8601 with Z or an offset)')
    .argument('<time>', 'e.g. 2026-12-01T09:00:00Z')
    .addHelpText(
      'after',
      examples(
        ['just before a scheduled room opens', 'enablex emulator clock set 2026-12-01T08:50:00Z'],
        ['09:00 in New York, as JSON', 'enablex emulator clock set 2026-12-01T09:00:00-05:00 -o json'],
      ),
    )
    .action(action(() => import('./clock.js')));
  clock
    .command('show')
    .description("show the emulator's now and its offset from the real clock (ms)")
    .addHelpText(
      'after',
      examples(
        ['the time and offset', 'enablex emulator clock show'],
        ['only the time, for a script', 'NOW=$(enablex emulator clock show -q)'],
      ),
    )
    .action(action(() => import('./clock.js')));

  emulator
    .command('reset')
    .description(
      'empty a running emulator (rooms, tokens, sessions, CDR, archive; its --state file too) and reset its clock',
    )
    .addOption(new Option('--seed <name>', 'refill it with the demo rooms and sessions').choices(['demo']))
    .addHelpText(
      'after',
      examples(
        ['start a test from nothing', 'enablex emulator reset'],
        ['back to the demo data', 'enablex emulator reset --seed demo'],
      ),
    )
    .action(action(() => import('./reset.js')));

  const status = emulator
    .command('status')
    .description("show a running emulator's clock, counts, live sessions and faults");
  addWatchFlags(status, 'the status')
    .addHelpText(
      'after',
      examples(
        ['as JSON', 'enablex emulator status -o json'],
        [
          'live sessions of the in-process emulator',
          'enablex --emulator emulator status --fields live_sessions',
        ],
        ['keep it on screen while you test', 'enablex emulator status --watch'],
      ),
    )
    .action(action(() => import('./status.js')));
}
