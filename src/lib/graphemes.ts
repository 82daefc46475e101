// Made on first use, never at load: building one initialises ICU data, milliseconds every command
// would pay even when no text needs it.
let segmenter: Intl.Segmenter | undefined;

/** The grapheme clusters of `text` (an emoji ZWJ sequence, a flag, a letter and its accents: one each). */
export function graphemes(text: string): Iterable<Intl.SegmentData> {
  segmenter ??= new Intl.Segmenter();
  return segmenter.segment(text);
}

/** Printable ASCII: every such character is a grapheme of its own. */
function isPrintableAscii(code: number): boolean {
  return code >= 0x20 && code <= 0x7e;
}

/**
 * The longest start of `text` at most `max` characters (UTF-16 units, as `.length` counts) long
 * that ends between two graphemes: never inside a surrogate pair (an emoji), an emoji sequence, a
 * flag, or between a letter and its accent. A grapheme that does not fit is left out whole, so the
 * result may be shorter than `max`. `text` itself when it is no longer than `max`.
 */
export function cutToLength(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  // Between two printable ASCII characters there is always a grapheme boundary.
  if (isPrintableAscii(text.charCodeAt(max - 1)) && isPrintableAscii(text.charCodeAt(max))) {
    return text.slice(0, max);
  }
  let end = 0;
  for (const { index, segment } of graphemes(text)) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}
