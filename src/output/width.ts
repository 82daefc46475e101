import stringWidth from 'string-width';

// eslint-disable-next-line no-control-regex -- matching the ESC of ANSI colour codes is the point
const ANSI = /\u001b\[[0-9;]*m/g;
// Printable ASCII only: one column per character, nothing to look up.
const PLAIN = /^[\x20-\x7e]*$/;

/** Terminal columns a line of text takes: wide (CJK, emoji) characters count two, colour codes none. */
export function textWidth(text: string): number {
  if (PLAIN.test(text)) return text.length;
  if (text.includes('\n')) return Math.max(...text.split('\n').map(textWidth));
  return stringWidth(text);
}

let segmenter: Intl.Segmenter | undefined;

/**
 * The longest start of `text` that fits in `width` columns, cut between graphemes (never inside an
 * emoji sequence or between a letter and its accent). Colour codes are not expected here.
 */
export function cutToWidth(text: string, width: number): string {
  if (PLAIN.test(text)) return text.slice(0, width);
  segmenter ??= new Intl.Segmenter();
  let used = 0;
  let out = '';
  for (const { segment } of segmenter.segment(text.replace(ANSI, ''))) {
    const w = stringWidth(segment);
    if (used + w > width) break;
    used += w;
    out += segment;
  }
  return out;
}
