import type { ApiFailure } from '../errors.js';
import { summarizeHtml } from './html-summary.js';

/** What one HTTP exchange meant, decided as NOTES.md "Success and errors" says. */
export type Interpretation =
  { ok: true; body: unknown } | { ok: false; failure: ApiFailure; unreadable: boolean };

/** Nesting deeper than this is not an EnableX answer (they nest a few levels) and would overflow the stack. */
export const MAX_JSON_DEPTH = 256;

/** The deepest nesting of `[` and `{` in JSON text (strings skipped); stops counting past `limit`. */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return max;
}

/** Strips the literal `[Reason] ` prefix some error messages carry. */
export function cleanApiMessage(message: unknown): string | undefined {
  if (typeof message !== 'string') return undefined;
  const trimmed = message.replace(/^\s*\[Reason\]\s*/i, '').trim();
  return trimmed === '' ? undefined : trimmed;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Decides success: HTTP 2xx and either no `result` key or `Number(result) === 0`. A number or a
 * string `result` are both accepted; a non-JSON body is a failure the caller reports as unreadable.
 */
export function interpret(method: string, path: string, status: number, text: string): Interpretation {
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
    const snippet = summarizeHtml(text) ?? text.replace(/\s+/g, ' ').trim().slice(0, 120);
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
