import { FORMATS } from '../output/formats.js';
import { bool, choice, text, textWithDefault } from './spec.js';

/**
 * The flags every command takes, declared on the program (src/cli.ts) and checked by
 * resolveGlobals (src/globals.ts). Help lists them under "Global options (inherited)".
 */
export const GLOBAL_FLAGS = {
  profile: text('--profile <name>', 'use this saved profile (beats ENABLEX_APP_ID/KEY)', {
    complete: 'profiles',
  }),
  baseUrl: text('--base-url <url>', 'API base URL (default https://api.enablex.io/video/v2)'),
  output: choice('-o, --output <format>', 'output format', FORMATS),
  json: bool('--json', 'same as -o json'),
  fields: text('--fields <list>', 'comma-separated fields to show, e.g. room_id,name,settings.mode'),
  quiet: bool('-q, --quiet', 'print only identifiers (room id, token); no notes'),
  color: bool('--no-color', 'no colour (also NO_COLOR)'),
  verbose: bool('--verbose', 'log requests and responses on stderr (secrets redacted)'),
  timeout: textWithDefault('--timeout <seconds>', 'per-request timeout in seconds', '30'),
  retries: textWithDefault('--retries <n>', 'retries for failed idempotent requests', '3'),
  yes: bool('-y, --yes', 'answer yes to confirmations (needed for delete without a terminal)'),
  input: bool('--no-input', 'never prompt (also when CI is set or stdin is not a terminal)'),
  emulator: bool(
    '--emulator',
    'run against the bundled emulator, no account needed (also ENABLEX_EMULATOR=1)',
  ),
  insecure: bool('--insecure', 'allow a plain http:// base URL that is not loopback'),
  csvRaw: bool(
    '--csv-raw',
    "CSV cells exactly as received: no ' before cells a spreadsheet would run as formulas",
  ),
};
