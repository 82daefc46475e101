/** Bytes the splitter cares about. */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** The largest envelope (the answer without the streamed list) kept for interpretation. */
const MAX_ENVELOPE = 1024 * 1024;

/**
 * Splits a JSON answer such as `{"result":"0","cdr":[{…},{…}]}` into the elements of one top-level
 * list, as bytes arrive, without ever holding the whole body: each object or array element of
 * `key` goes to `onElement` as soon as its last byte is in (and is parsed there with the native
 * JSON.parse, which is several times faster than a JavaScript tokenizer). Everything else (the
 * envelope, with the list left empty) is kept as text for the usual interpretation of an answer.
 * Scalar elements of the list are skipped, as the list readers skip them. UTF-8 is safe to scan byte
 * by byte here: every structural character is ASCII and no multi-byte sequence holds an ASCII byte.
 */
export class JsonArraySplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Depth of the streamed list's elements, once its `[` was seen; -1 before. */
  private listDepth = -1;
  private listDone = false;
  private envelope: Buffer[] = [];
  private envelopeBytes = 0;
  private overflow = false;
  /** Bytes of the element in progress from earlier chunks. */
  private partial: Buffer[] = [];
  private inElement = false;

  constructor(
    private readonly key: string,
    private readonly onElement: (text: string) => void,
  ) {}

  /** Feeds the next bytes of the body. */
  write(buf: Buffer): void {
    const n = buf.length;
    // Where the current run of envelope bytes, and the current element, start in this chunk.
    let keepFrom = this.inElement || this.inList() ? -1 : 0;
    let elementFrom = this.inElement ? 0 : -1;
    let i = 0;
    while (i < n) {
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          i++;
          continue;
        }
        const q = buf.indexOf(QUOTE, i);
        if (q < 0) {
          this.escaped = trailingBackslashes(buf, i, n) % 2 === 1;
          i = n;
          break;
        }
        if (trailingBackslashes(buf, i, q) % 2 === 1) {
          i = q + 1;
          continue;
        }
        this.inString = false;
        i = q + 1;
        continue;
      }
      const b = buf[i] as number;
      if (b === QUOTE) {
        this.inString = true;
      } else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
        if (this.inList() && this.depth === this.listDepth) {
          this.inElement = true;
          elementFrom = i;
        }
        this.depth++;
        if (b === OPEN_ARRAY && this.listDepth < 0 && !this.listDone && this.depth === 2) {
          // A list at the top level of an object: is it the one asked for?
          this.keep(buf, keepFrom, i + 1);
          keepFrom = -1;
          if (this.endsWithKey()) this.listDepth = 2;
          else keepFrom = i + 1;
        }
      } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
        this.depth--;
        if (this.inElement && this.depth === this.listDepth) {
          this.element(buf, elementFrom, i + 1);
          this.inElement = false;
          elementFrom = -1;
        } else if (this.inList() && this.depth === this.listDepth - 1) {
          // The end of the streamed list: the envelope goes on from its `]`.
          this.listDone = true;
          this.listDepth = -1;
          keepFrom = i;
        }
      }
      i++;
    }
    if (this.inElement && elementFrom >= 0) this.partial.push(buf.subarray(elementFrom));
    else if (this.inElement) this.partial.push(buf);
    if (keepFrom >= 0) this.keep(buf, keepFrom, n);
  }

  /**
   * The envelope as text once the body is complete, with the list empty: `{"result":"0","cdr":[]}`.
   * A body cut short or not JSON comes back as text that does not parse, for the caller to report.
   */
  end(): string {
    if (this.overflow) return '(answer too large to show)';
    const text = Buffer.concat(this.envelope).toString('utf8');
    if (this.depth !== 0 || this.inString || this.inElement) return `${text}(cut short)`;
    return text;
  }

  private inList(): boolean {
    return this.listDepth >= 0;
  }

  private keep(buf: Buffer, from: number, to: number): void {
    if (from < 0 || to <= from || this.overflow) return;
    this.envelopeBytes += to - from;
    if (this.envelopeBytes > MAX_ENVELOPE) {
      this.overflow = true;
      this.envelope = [];
      return;
    }
    this.envelope.push(Buffer.from(buf.subarray(from, to)));
  }

  /** True when the envelope so far ends in `"<key>" : [`. */
  private endsWithKey(): boolean {
    const pieces: Buffer[] = [];
    let size = 0;
    for (let k = this.envelope.length - 1; k >= 0 && size < 256 + this.key.length; k--) {
      const piece = this.envelope[k] as Buffer;
      pieces.unshift(piece);
      size += piece.length;
    }
    const tail = Buffer.concat(pieces).toString('utf8');
    const m = /"((?:[^"\\]|\\.)*)"\s*:\s*\[$/.exec(tail);
    if (!m) return false;
    try {
      return JSON.parse(`"${m[1]}"`) === this.key;
    } catch {
      return false;
    }
  }

  private element(buf: Buffer, from: number, to: number): void {
    let text: string;
    if (this.partial.length === 0) {
      text = buf.toString('utf8', from, to);
    } else {
      this.partial.push(buf.subarray(0, to));
      text = Buffer.concat(this.partial).toString('utf8');
      this.partial = [];
    }
    this.onElement(text);
  }
}

/** How many backslashes end buf[from, to). */
function trailingBackslashes(buf: Buffer, from: number, to: number): number {
  let k = 0;
  while (to - 1 - k >= from && buf[to - 1 - k] === BACKSLASH) k++;
  return k;
}
