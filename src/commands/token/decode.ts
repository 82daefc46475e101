/**
 * What a token holds, read without any check. NOTES.md: despite the docs saying JWT, real tokens are
 * base64-encoded JSON with no dots; a JWT shape is still read in case a host issues one.
 */
type TokenView =
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; value: string }
  | { kind: 'jwt'; header: unknown; payload: unknown };

const B64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Binary that happens to be valid UTF-8 is not a readable view: no control characters but whitespace. */
function isReadable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return false;
  }
  return true;
}

/** Decodes base64 or base64url to UTF-8 text, or undefined when it is neither (or not text). */
function base64Text(part: string): string | undefined {
  const compact = part.replace(/\s+/g, '');
  if (compact === '' || !B64.test(compact)) return undefined;
  const standard = compact.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (standard.length % 4 === 1) return undefined;
  try {
    const text = utf8.decode(Buffer.from(standard, 'base64'));
    return isReadable(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

/** Base64 text that holds JSON, parsed; undefined otherwise. */
function base64Json(part: string): unknown {
  const text = base64Text(part);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Reads a token's contents tolerantly: base64(url) JSON or text, or a JWT's header and payload. */
export function decodeToken(token: string): TokenView | undefined {
  const trimmed = token.trim();
  const parts = trimmed.split('.');
  if (parts.length === 3) {
    const header = base64Json(parts[0] ?? '');
    const payload = base64Json(parts[1] ?? '');
    if (header !== undefined && payload !== undefined) return { kind: 'jwt', header, payload };
  }
  const text = base64Text(trimmed);
  if (text === undefined) return undefined;
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'text', value: text };
  }
}

/** The decoded part of the output: the JSON itself, the text, or a JWT's header and payload. */
export function viewValue(view: TokenView): unknown {
  return view.kind === 'jwt' ? { header: view.header, payload: view.payload } : view.value;
}
