import type { Context, OutStream } from '../context.js';
import { cutToLength } from '../lib/graphemes.js';
import { terminalSafe } from '../output/escape.js';
import { MAX_JSON_DEPTH, jsonDepth } from './json-depth.js';

/**
 * Key names (compared without case, `_`, `-` or spaces) whose values are account secrets wherever
 * they appear: never printed, never logged. A name also matches when it ends in one of the longer
 * ones (`sip_password`, `client_secret`, `x-api-key`); `pass` and `pwd` only match exactly.
 */
export const SECRET_KEYS: readonly string[] = [
  'appkey',
  'apikey',
  'apisecret',
  'password',
  'passwd',
  'pass',
  'pwd',
  'secret',
  'privatekey',
  'accesskey',
  'secretkey',
  'credentials',
];

/**
 * Keys kept out of the log too. Not hidden in output: a token is what `enablex token` and
 * `enablex api post rooms/<id>/tokens` are run for.
 */
const LOG_SECRET_KEYS: readonly string[] = [
  ...SECRET_KEYS,
  'token',
  'accesstoken',
  'refreshtoken',
  'authorization',
  'cookie',
];

/** A key name as the secret lists hold it: lower case, no `_`, `-`, `.` or spaces. */
function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[\s_.-]/g, '');
}

/**
 * True when `key` names a secret of `keys` (exactly, or by a suffix of six letters or more).
 * @internal Exported for its table test: the rule itself is what the test checks.
 */
export function isSecretKey(key: string, keys: readonly string[] = SECRET_KEYS): boolean {
  const k = normalizeKey(key);
  return keys.some((entry) => {
    const e = normalizeKey(entry);
    return k === e || (e.length >= 6 && k.endsWith(e));
  });
}

/** A copy of a value with secrets replaced, and the dotted paths that were replaced. */
interface Hidden {
  value: unknown;
  hidden: string[];
}

/**
 * Replaces every non-empty value under one of `keys` (any case), at any depth; arrays keep their
 * shape and the input is untouched.
 */
export function hideKeys(value: unknown, keys: readonly string[], replacement: string): Hidden {
  const hidden: string[] = [];
  const walk = (v: unknown, path: string): unknown => {
    if (Array.isArray(v)) return v.map((item, i) => walk(item, `${path}[${i}]`));
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [k, child] of Object.entries(v)) {
      const at = path ? `${path}.${k}` : k;
      if (isSecretKey(k, keys) && child !== null && child !== undefined && child !== '') {
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

/**
 * Returns a copy of a JSON value with every secret value replaced, for logs.
 * @internal Exported for its table test: the rule itself is what the test checks.
 */
export function redactJson(value: unknown): unknown {
  return hideKeys(value, LOG_SECRET_KEYS, '[REDACTED]').value;
}

/**
 * Redacts a body for the verbose log: JSON is redacted key by key; anything else is cut short.
 * `secrets` are scrubbed from the whole text before it is cut, and no secret's beginning is left at
 * the cut (a cut through a secret would leave a prefix the later scrubbing no longer recognises).
 */
export function redactBody(text: string, secrets: Scrubber = new Scrubber()): string {
  if (text === '') return '';
  try {
    if (jsonDepth(text) > MAX_JSON_DEPTH) throw new Error('too deep to walk');
    return secrets.scrub(JSON.stringify(redactJson(JSON.parse(text))));
  } catch {
    return text.length > 200 ? `${secrets.cut(text, 200)} (${text.length} bytes)` : secrets.scrub(text);
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

/** What a scrubbed secret shows as. */
const SCRUBBED = '[REDACTED]';
/** The mark of text cut short. */
const CUT = '…';
/** Values shorter than this are not scrubbed as text: they would blank out ordinary words. */
const MIN_SECRET_LENGTH = 4;

/**
 * `"key": value` (JSON-like) and `?key=value` / `&key=value` (query or form) pairs whose key names a
 * secret, in free text such as a body that is not quite JSON.
 */
const SECRET_NAME = '[A-Za-z0-9_.-]*(?:key|password|passwd|pass|pwd|secret|token|authorization|credentials?)';
const KEY_VALUE = new RegExp(
  `((?:(["'])${SECRET_NAME}\\2\\s*[:=]|(?:^|(?<=[?&]))${SECRET_NAME}=)\\s*)("(?:[^"\\\\]|\\\\.)*"|'[^']*'|[^\\s&,;}"']+)`,
  'gim',
);
/** `scheme://user:pass@` and `user:pass@host` (a proxy setting without a scheme). */
const URL_USERINFO = /([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^\s/?#@]+@/g;
const BARE_USERINFO = /(^|[\s"'(=,])[^\s/:@"'(=,]*:[^\s/@"']+@(?=[A-Za-z0-9[])/g;
/** An Authorization value quoted back: `Basic <base64>`, `Bearer <token>`. */
const AUTH_VALUE = /\b(Basic|Bearer|Digest)\s+[A-Za-z0-9+/=._~-]{6,}/g;

/**
 * Removes known secret values from text meant for the user: the values themselves, their base64
 * forms (the Basic header of `id:key`), their percent-encoded forms, credentials in URLs, and
 * `key=value` pairs whose key names a secret. Every line written to stderr passes through one.
 */
export class Scrubber {
  private readonly values = new Set<string>();
  private sorted: string[] | undefined;

  /** Adds secret values (too short ones are ignored), with their base64 and URL-encoded forms. */
  add(...values: (string | undefined)[]): void {
    for (const v of values) {
      if (v === undefined || v.length < MIN_SECRET_LENGTH) continue;
      this.put(v);
      this.put(encodeURIComponent(v));
      const b64 = Buffer.from(v).toString('base64');
      this.put(b64);
      this.put(b64.replace(/=+$/, ''));
      this.put(Buffer.from(v).toString('base64url'));
    }
  }

  /** Adds a user and password, and the `Basic` header value they make. */
  addBasic(user: string | undefined, password: string | undefined): void {
    this.add(password);
    if (user === undefined || password === undefined || password === '') return;
    const b64 = Buffer.from(`${user}:${password}`).toString('base64');
    this.put(b64);
    this.put(b64.replace(/=+$/, ''));
  }

  /** Adds the credentials a URL carries (`http://user:pass@proxy:3128`, with or without a scheme). */
  addUrl(raw: string | undefined): void {
    if (!raw) return;
    const text = raw.trim();
    let url: URL | undefined;
    for (const candidate of [text, `http://${text}`]) {
      try {
        const u = new URL(candidate);
        if (u.username || u.password) {
          url = u;
          break;
        }
      } catch {
        // Not a URL this way round; the next candidate may parse.
      }
    }
    if (!url) return;
    const user = decodeURIComponent(url.username);
    const password = decodeURIComponent(url.password);
    // A user name alone is usually a token (`http://TOKEN@proxy`); beside a password it is a name.
    if (password === '') this.add(user);
    this.put(url.password);
    this.addBasic(user, password);
  }

  /** The known secrets, from the environment: app key, recording password, proxy credentials. */
  addFromEnv(env: Readonly<Record<string, string | undefined>>): void {
    this.addBasic(env['ENABLEX_APP_ID']?.trim(), env['ENABLEX_APP_KEY']?.trim());
    this.add(env['ENABLEX_APP_KEY']);
    this.addBasic(env['ENABLEX_RECORDING_USER']?.trim(), env['ENABLEX_RECORDING_PASSWORD']);
    for (const name of ['https_proxy', 'http_proxy', 'all_proxy']) {
      this.addUrl(env[name]);
      this.addUrl(env[name.toUpperCase()]);
    }
  }

  /**
   * The text with every secret replaced by [REDACTED]. Text cut short elsewhere (marked `…`) loses
   * what ends at the cut and begins a secret: `AAAASuperSecre…` shows as `AAAA[REDACTED]…`.
   */
  scrub(text: string): string {
    let out = text;
    for (const v of this.secrets()) if (out.includes(v)) out = out.split(v).join(SCRUBBED);
    if (out.includes(CUT)) {
      out = out
        .split(CUT)
        .map((part, i, parts) => (i < parts.length - 1 ? this.dropPartial(part) : part))
        .join(CUT);
    }
    return out
      .replace(URL_USERINFO, '$1***@')
      .replace(BARE_USERINFO, '$1***@')
      .replace(AUTH_VALUE, `$1 ${SCRUBBED}`)
      .replace(KEY_VALUE, (_m, head: string, _q, value: string) => {
        const quote = /^["']/.exec(value)?.[0] ?? '';
        return `${head}${quote}${SCRUBBED}${quote}`;
      });
  }

  /**
   * The text scrubbed whole, then cut to `max` characters between graphemes (never half an emoji or
   * a letter without its accent) and marked `…` when longer, with no secret's beginning (4
   * characters or more) left at the cut.
   */
  cut(text: string, max: number): string {
    const clean = this.scrub(text);
    if (clean.length <= max) return clean;
    const head = cutToLength(clean, max);
    // A cut through a [REDACTED] mark keeps the whole mark.
    const mark = clean.lastIndexOf(SCRUBBED, head.length - 1);
    const end = mark >= 0 && mark + SCRUBBED.length > head.length ? mark + SCRUBBED.length : head.length;
    return `${this.dropPartial(clean.slice(0, end))}${CUT}`;
  }

  /** The known forms, longest first. */
  private secrets(): string[] {
    this.sorted ??= [...this.values].sort((a, b) => b.length - a.length);
    return this.sorted;
  }

  /** `head` with its longest ending that is the beginning of a secret (4+ characters) redacted. */
  private dropPartial(head: string): string {
    let longest = 0;
    for (const v of this.secrets()) {
      for (let n = Math.min(v.length - 1, head.length); n > Math.max(longest, MIN_SECRET_LENGTH - 1); n--) {
        if (head.endsWith(v.slice(0, n))) {
          longest = n;
          break;
        }
      }
    }
    return longest === 0 ? head : `${head.slice(0, head.length - longest)}${SCRUBBED}`;
  }

  /**
   * Adds one form of a secret with the escaped forms it takes when quoted back: inside a JSON string
   * (`"` and `\\` escaped, and `/` as `\/` as some servers write it), percent-encoded in lower
   * case or as a form value, and as a terminal shows it (backslashes doubled by terminalSafe).
   */
  private put(v: string): void {
    const json = JSON.stringify(v).slice(1, -1);
    const forms = [
      v,
      json,
      json.replace(/\//g, '\\/'),
      v.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
      new URLSearchParams({ v }).toString().slice(2),
    ];
    for (const form of [...forms]) forms.push(terminalSafe(form), form.replace(/\\/g, '\\\\'));
    for (const form of forms) {
      if (form.length < MIN_SECRET_LENGTH || this.values.has(form)) continue;
      this.values.add(form);
      this.sorted = undefined;
    }
  }
}

/**
 * The context with its stderr passed through the scrubber: errors, warnings, notes, progress and
 * the verbose log all reach the user through this one stream, so none can bypass it.
 */
export function withScrubbedStderr(ctx: Context, scrubber: Scrubber): Context {
  const raw: OutStream = ctx.stderr;
  const stderr: OutStream = {
    write: (chunk: string) => raw.write(scrubber.scrub(String(chunk))),
    get isTTY() {
      return raw.isTTY;
    },
    get columns() {
      return raw.columns;
    },
  };
  return { ...ctx, stderr };
}
