import { SECRET_KEYS, hideKeys } from '../../http/redact.js';
import type { Printer } from '../../output/printer.js';

/** What a hidden secret shows as. */
const HIDDEN = '[hidden]';

/**
 * The value to print: as it is with --show-secrets, else a copy with every account secret hidden at
 * any depth (the dial-in answer echoes two) and a note naming what was hidden.
 */
export function printable(value: unknown, showSecrets: boolean, out: Pick<Printer, 'note'>): unknown {
  if (showSecrets) return value;
  const masked = hideKeys(value, SECRET_KEYS, HIDDEN);
  if (masked.hidden.length) {
    out.note(`Hidden: ${masked.hidden.join(', ')} (pass --show-secrets to show them).`);
  }
  return masked.value;
}
