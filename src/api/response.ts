import type { ApiFailure } from '../lib/errors.js';
import { cutToLength } from '../lib/graphemes.js';
import { summarizeHtml } from './html-summary.js';
import { MAX_JSON_DEPTH, jsonDepth } from '../http/json-depth.js';

/** What one HTTP exchange meant, decided as NOTES.md "Success and errors" says. */
type Interpretation = { ok: true; body: unknown } | { ok: false; failure: ApiFailure; unreadable: boolean };

/**
 * Strips the literal `[Reason] ` prefix some error messages carry.
 * @internal Exported for its table test: the rule itself is what the test checks.
 */
export function cleanApiMessage(message: unknown): string | undefined {
  if (typeof message !== 'string') return undefined;
  const trimmed = message.replace(/^\s*\[Reason\]\s*/i, '').trim();
  return trimmed === '' ? undefined : trimmed;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Cuts text to `max` characters between graphemes, marked `…` when cut (for callers that know no
 * secrets).
 */
function plainCut(text: string, max: number): string {
  return text.length <= max ? text : `${cutToLength(text, max)}…`;
}

/**
 * Decides success: HTTP 2xx and either no `result` key or `Number(result) === 0`. A number or a
 * string `result` are both accepted; a non-JSON body is a failure the caller reports as unreadable.
 */
export function interpret(
  method: string,
  path: string,
  status: number,
  text: string,
  cut: (text: string, max: number) => string = plainCut,
): Interpretation {
  const base = { status, method, path };
  let body: unknown;
  let parsed = true;
  if (text.trim() === '') {
    body = undefined;
  } else if (jsonDepth(text) > MAX_JSON_DEPTH) {
    return {
      ok: false,
      unreadable: true,
      failure: {
        ...base,
        result: undefined,
        apiMessage: `the JSON is nested more than ${MAX_JSON_DEPTH} levels deep, which no EnableX answer is`,
      },
    };
  } else {
    try {
      body = JSON.parse(text);
    } catch {
      parsed = false;
    }
  }
  const is2xx = status >= 200 && status < 300;
  if (!parsed) {
    // Scrubbed whole by `cut` before anything is cut: the page's title, or the first 120
    // characters (a cut through a secret would leave a prefix no later scrubbing recognises).
    const snippet =
      summarizeHtml(cut(text, Number.POSITIVE_INFINITY)) ?? cut(text.replace(/\s+/g, ' ').trim(), 120);
    return {
      ok: false,
      unreadable: is2xx,
      failure: { ...base, result: undefined, apiMessage: snippet === '' ? undefined : snippet },
    };
  }
  const record = isRecord(body) ? body : undefined;
  const rawResult = record?.['result'];
  const hasResult = rawResult !== undefined && rawResult !== null;
  const result = hasResult ? String(rawResult) : undefined;
  const resultOk = !hasResult || (String(rawResult).trim() !== '' && Number(rawResult) === 0);
  if (is2xx && resultOk) {
    if (body === undefined && method !== 'DELETE' && method !== 'PATCH') {
      return { ok: false, unreadable: true, failure: { ...base, result, apiMessage: 'empty response body' } };
    }
    return { ok: true, body };
  }
  const apiMessage =
    cleanApiMessage(record?.['error']) ??
    cleanApiMessage(record?.['desc']) ??
    cleanApiMessage(record?.['message']);
  const desc = cleanApiMessage(record?.['desc']);
  const full = apiMessage && desc && desc !== apiMessage ? `${apiMessage} (${desc})` : apiMessage;
  return {
    ok: false,
    unreadable: false,
    failure: { ...base, result: resultOk ? undefined : result, apiMessage: full, body },
  };
}
