import { getDialin, type Dialin } from '../../api/dialin.js';
import type { Factory } from '../../factory.js';
import type { DialinInput } from './dialin.verb.js';
import { printable } from './secrets.js';

/** One dial-in number as the terminal table shows it. */
interface NumberRow {
  country: unknown;
  country_code: unknown;
  phone: unknown;
  type: string;
}

/** `toll: false` means toll-free (route page); strings are accepted too (NOTES.md: loose types). */
function tollType(toll: unknown): string {
  if (toll === false || toll === 'false') return 'toll-free';
  if (toll === true || toll === 'true') return 'toll';
  return '';
}

/** Lists of servers read better joined than as JSON text in a key/value table. */
function joinLists(value: unknown): unknown {
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object'))
    return value.join(', ');
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, joinLists(v)]));
  }
  return value;
}

/** The terminal view: settings as key/values, then the numbers as a table. */
function printTable(f: Factory, shown: Dialin): void {
  const { dialin, ...settings } = shown;
  const hasSettings = Object.keys(settings).length > 0;
  if (hasSettings) f.io.data(joinLists(settings));
  const numbers = Array.isArray(dialin) ? dialin : [];
  if (numbers.length === 0) {
    f.io.note('No dial-in numbers are configured for this application.');
    return;
  }
  const rows: NumberRow[] = numbers.map((n) => ({
    country: n?.country,
    country_code: n?.country_code,
    phone: n?.phone,
    type: tollType(n?.toll),
  }));
  f.io.raw(`${hasSettings ? '\n' : ''}Dial-in numbers:\n`);
  f.io.data(rows, { columns: f.verb.columns });
}

/** `enablex dialin`: GET /dialin/, secrets hidden unless --show-secrets. */
export async function run({ opts }: DialinInput, f: Factory): Promise<void> {
  const http = await f.http();
  const answer = await f.io.spin('Reading dial-in settings…', () => getDialin(http));
  const shown = printable(answer, opts.showSecrets === true, f.io) as Dialin;
  if (f.options.quiet) return f.io.data(shown.dialin ?? [], { idField: 'phone' });
  if (f.options.format === 'table' && !f.options.fields) return printTable(f, shown);
  f.io.data(shown);
}
