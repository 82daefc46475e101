/** Keys whose values are secrets wherever they appear in a logged body. */
const SECRET_KEY = /^(app_key|appkey|password|secret|token|authorization|sip_password)$/i;

/** Returns a copy of a JSON value with every secret value replaced, for logs. */
export function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = SECRET_KEY.test(k) && v !== null && v !== undefined && v !== '' ? '[REDACTED]' : redactJson(v);
    }
    return out;
  }
  return value;
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
