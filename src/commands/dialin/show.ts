import { getDialin, type Dialin } from '../../api/dialin.js';
import type { Runtime } from '../../runtime.js';
import type { CommandInput } from '../define.js';
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
function printTable(rt: Runtime, shown: Dialin): void {
  const { dialin, ...settings } = shown;
  const hasSettings = Object.keys(settings).length > 0;
  if (hasSettings) rt.out.data(joinLists(settings));
  const numbers = Array.isArray(dialin) ? dialin : [];
  if (numbers.length === 0) {
    rt.out.note('No dial-in numbers are configured for this application.');
    return;
  }
  const rows: NumberRow[] = numbers.map((n) => ({
    country: n?.country,
    country_code: n?.country_code,
    phone: n?.phone,
    type: tollType(n?.toll),
  }));
  rt.out.raw(`${hasSettings ? '\n' : ''}Dial-in numbers:\n`);
  rt.out.data(rows, { columns: ['country', 'country_code', 'phone', 'type'] });
}

/** `enablex dialin`: GET /dialin/, secrets hidden unless --show-secrets. */
export async function run({ opts }: CommandInput, rt: Runtime): Promise<void> {
  const http = await rt.http();
  const answer = await rt.out.spin('Reading dial-in settings…', () => getDialin(http));
  const shown = printable(answer, Boolean(opts['showSecrets']), rt.out) as Dialin;
  if (rt.globals.quiet) return rt.out.data(shown.dialin ?? [], { idField: 'phone' });
  if (rt.globals.format === 'table' && !rt.globals.fields) return printTable(rt, shown);
  rt.out.data(shown);
}
