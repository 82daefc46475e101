import stringWidth from 'string-width';
import { graphemes } from '../lib/graphemes.js';

// eslint-disable-next-line no-control-regex -- matching the ESC of ANSI colour codes is the point
const ANSI = /\u001b\[[0-9;]*m/g;
// Printable ASCII only: one column per character, nothing to look up.
const PLAIN = /^[\x20-\x7e]*$/;

/**
 * Every width in the output layer is measured here, with string-width: wide (CJK, emoji) graphemes
 * count two columns, combining marks and colour codes none. `.length` counts UTF-16 units, not
 * columns, and is never used on text that is shown.
 */
export function textWidth(text: string): number {
  if (PLAIN.test(text)) return text.length;
  // A loop, not Math.max(...lines): one argument per line overflows the stack past ~120k lines.
  if (text.includes('\n'))
    return text.split('\n').reduce((widest, line) => Math.max(widest, textWidth(line)), 0);
  return stringWidth(text);
}

/**
 * The longest start of `text` that fits in `width` columns, cut between graphemes (never inside an
 * emoji sequence, a surrogate pair or between a letter and its accent). It may be one column short
 * of `width` when the next grapheme is wide. Colour codes are dropped.
 * @internal Exported for its table test: the rule itself is what the test checks.
 */
export function cutToWidth(text: string, width: number): string {
  if (PLAIN.test(text)) return text.slice(0, width);
  let used = 0;
  let out = '';
  for (const { segment } of graphemes(text.replace(ANSI, ''))) {
    const w = stringWidth(segment);
    if (used + w > width) break;
    used += w;
    out += segment;
  }
  return out;
}

/** `text` followed by spaces up to `width` columns (unchanged when it is as wide or wider). */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - textWidth(text)));
}

/**
 * `text` when it fits in `width` columns; otherwise its start and a final `…`, exactly `width`
 * columns wide: when a wide character would straddle the edge it is left out and a space fills its
 * half (never half a character, never U+FFFD).
 */
export function truncateToWidth(text: string, width: number, ellipsis = '…'): string {
  if (textWidth(text) <= width) return text;
  const room = Math.max(0, width - textWidth(ellipsis));
  return padToWidth(cutToWidth(text, room) + ellipsis, width);
}

/**
 * One line of text wrapped to lines of at most `width` columns, on spaces, the way cli-table3's
 * `wordWrap` does (the spaces between two words stay on the line, a line starts with a word), but
 * measured in columns: a word wider than the whole line is kept on its own line and truncated with
 * `…` by {@link truncateToWidth}.
 */
export function wrapToWidth(text: string, width: number): string[] {
  const lines: string[] = [];
  const split = text.split(/(\s+)/);
  let line: string[] = [];
  let used = 0;
  let space: string | undefined;
  for (let i = 0; i < split.length; i += 2) {
    const word = split[i]!;
    let next = used + textWidth(word);
    if (used > 0 && space) next += textWidth(space);
    if (next > width) {
      if (used !== 0) lines.push(line.join(''));
      line = [word];
      used = textWidth(word);
    } else {
      line.push(space ?? '', word);
      used = next;
    }
    space = split[i + 1];
  }
  if (used) lines.push(line.join(''));
  return lines.map((l) => truncateToWidth(l, width));
}
