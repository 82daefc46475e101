/** What a hidden secret shows as. */
export const HIDDEN = '[hidden]';

/** Keys whose values are account secrets wherever they appear (the dial-in answer echoes two). */
const SECRET_KEYS = /^(app_key|appkey|password|sip_password|secret)$/i;

/** A copy of a value with its secrets hidden, and the dotted paths that were hidden. */
export interface Masked {
  value: unknown;
  hidden: string[];
}

/** Hides every non-empty secret value at any depth (arrays keep their shape); the input is untouched. */
export function maskSecrets(value: unknown): Masked {
  const hidden: string[] = [];
  const walk = (v: unknown, path: string): unknown => {
    if (Array.isArray(v)) return v.map((item, i) => walk(item, `${path}[${i}]`));
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [k, child] of Object.entries(v)) {
      const at = path ? `${path}.${k}` : k;
      if (SECRET_KEYS.test(k) && child !== null && child !== undefined && child !== '') {
        out[k] = HIDDEN;
        hidden.push(at);
      } else {
        out[k] = walk(child, at);
      }
    }
    return out;
  };
  return { value: walk(value, ''), hidden };
}
