/** The global flags on a command line being completed that choose the account. */
interface LineGlobals {
  profile?: string;
  baseUrl?: string;
  emulator?: boolean;
  insecure?: boolean;
}

const VALUED: Record<string, 'profile' | 'baseUrl'> = { '--profile': 'profile', '--base-url': 'baseUrl' };

/**
 * Reads `--profile`, `--base-url` (as `--flag value` or `--flag=value`), `--emulator` and
 * `--insecure` from the words typed so far, so candidates come from the account the command will use.
 */
export function lineGlobals(words: readonly string[]): LineGlobals {
  const found: LineGlobals = {};
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '--') break;
    if (word === '--emulator') found.emulator = true;
    if (word === '--insecure') found.insecure = true;
    const eq = word.indexOf('=');
    const name = eq > 0 ? word.slice(0, eq) : word;
    const key = VALUED[name];
    if (!key) continue;
    const value = eq > 0 ? word.slice(eq + 1) : words[i + 1];
    if (eq < 0) i += 1;
    if (value !== undefined && value !== '') found[key] = value;
  }
  return found;
}
