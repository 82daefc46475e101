/* eslint-disable no-control-regex -- finding and escaping control characters is what this module does */
/**
 * Text from a server (room names, participant names, error messages) must never reach a terminal
 * as control characters: ESC starts sequences that clear the screen, set the title or write the
 * clipboard (OSC 52), CR overwrites a line, BEL rings, and the bidi overrides reorder what is
 * shown. These functions turn each such character into visible, unambiguous text:
 *
 * - C0 controls U+0000-U+001F, DEL U+007F and C1 controls U+0080-U+009F become `\xHH`
 *   (`\x1b` for ESC, `\x0d` for CR, `\x9b` for the 8-bit CSI);
 * - the bidi controls (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) and the line and
 *   paragraph separators (U+2028, U+2029) become `\uHHHH`;
 * - a backslash is doubled only where it could otherwise be read as the start of such an escape
 *   (before `x`, `u`, another backslash or an escaped character), so `C:\data` prints as is while
 *   the literal text `\x1b` prints as `\\x1b`. {@link decodeTerminalSafe} reverses it exactly.
 *
 * Everything else, emoji and zero-width joiners included, is left alone.
 */

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_OR_BACKSLASH =
  /[\\\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NEEDS_WORK = /[\\\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** True when `char` (one UTF-16 unit) is shown escaped. */
function unsafe(char: string | undefined): boolean {
  return char !== undefined && UNSAFE.test(char);
}

function escapeChar(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

function escapeWith(text: string, keepNewline: boolean): string {
  return text.replace(UNSAFE_OR_BACKSLASH, (char, offset: number) => {
    if (char === '\n' && keepNewline) return char;
    if (char !== '\\') return escapeChar(char);
    const next = text[offset + 1];
    const nextEscaped = unsafe(next) && !(next === '\n' && keepNewline);
    return next === 'x' || next === 'u' || next === '\\' || nextEscaped ? '\\\\' : '\\';
  });
}

/**
 * One value made safe for a terminal, on one line: every control character (newline and tab
 * included), DEL, C1 and bidi control is shown as `\xHH` or `\uHHHH`. For table cells, `-q` ids and
 * any server text inside a message.
 */
export function terminalSafe(text: string): string {
  return NEEDS_WORK.test(text) ? escapeWith(text, false) : text;
}

/**
 * A message made safe for a terminal, keeping its line breaks (`\n`): the CLI's own messages may
 * span lines. Everything else that {@link terminalSafe} escapes is escaped (CR included).
 */
export function terminalSafeLines(text: string): string {
  return NEEDS_WORK.test(text) ? escapeWith(text, true) : text;
}

/**
 * Reverses {@link terminalSafe} exactly (and {@link terminalSafeLines}); for tests and tools.
 * @internal Exported for the tests, which prove the escaping loses nothing (decode(escape(x)) === x); the CLI never decodes.
 */
export function decodeTerminalSafe(shown: string): string {
  return shown.replace(/\\(\\|x[0-9a-f]{2}|u[0-9a-f]{4})/g, (whole, body: string) =>
    body === '\\' ? '\\' : String.fromCharCode(parseInt(body.slice(1), 16)),
  );
}

/** True when the text holds a character that {@link terminalSafe} would escape (newline included). */
export function hasUnsafe(text: string): boolean {
  return UNSAFE.test(text);
}

const JSON_RAW = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text with DEL, the C1 controls and the bidi controls written as `\uHHHH` escapes, which
 * JSON.stringify leaves raw (it escapes only U+0000-U+001F). The value parses back identical:
 * these characters can only occur inside JSON strings, where the escape means the same character.
 */
export function jsonTerminalSafe(json: string): string {
  return json.replace(JSON_RAW, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
