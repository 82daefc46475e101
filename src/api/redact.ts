/** Keys (any case) whose values are account secrets wherever they appear: never printed, never logged. */
export const SECRET_KEYS: readonly string[] = ['app_key', 'appkey', 'password', 'sip_password', 'secret'];

/**
 * Keys kept out of the log too. Not hidden in output: a token is what `enablex token` and
 * `enablex api post rooms/<id>/tokens` are run for.
 */
const LOG_SECRET_KEYS: readonly string[] = [...SECRET_KEYS, 'token', 'authorization'];

/** A copy of a value with secrets replaced, and the dotted paths that were replaced. */
export interface Hidden {
  value: unknown;
  hidden: string[];
}

/**
 * Replaces every non-empty value under one of `keys` (any case), at any depth; arrays keep their
 * shape and the input is untouched.
 */
export function hideKeys(value: unknown, keys: readonly string[], replacement: string): Hidden {
  const secret = new Set(keys.map((k) => k.toLowerCase()));
  const hidden: string[] = [];
  const walk = (v: unknown, path: string): unknown => {
    if (Array.isArray(v)) return v.map((item, i) => walk(item, `${path}[${i}]`));
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [k, child] of Object.entries(v)) {
      const at = path ? `${path}.${k}` : k;
      if (secret.has(k.toLowerCase()) && child !== null && child !== undefined && child !== '') {
        out[k] = replacement;
        hidden.push(at);
      } else {
        out[k] = walk(child, at);
      }
    }
    return out;
  };
  return { value: walk(value, ''), hidden };
}

/** Returns a copy of a JSON value with every secret value replaced, for logs. */
export function redactJson(value: unknown): unknown {
  return hideKeys(value, LOG_SECRET_KEYS, '[REDACTED]').value;
}

/** Redacts a body for the verbose log: JSON is redacted key by key; anything else is cut short. */
export function redactBody(text: string): string {
  if (text === '') return '';
  try {
    return JSON.stringify(redactJson(JSON.parse(text)));
  } catch {
    return text.length > 200 ? `${text.slice(0, 200)}… (${text.length} bytes)` : text;
  }
}

/** Redacts header values that carry credentials. */
export function redactHeaders(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    const value = Array.isArray(v) ? v.join(', ') : String(v);
    if (/^(authorization|proxy-authorization|cookie|set-cookie)$/i.test(k)) {
      const scheme = value.split(' ')[0] ?? '';
      out[k] = `${scheme} [REDACTED]`;
    } else {
      out[k] = value;
    }
  }
  return out;
}
