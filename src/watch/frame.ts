import { terminalColumns, type OutStream } from '../context.js';
import { textWidth } from '../output/width.js';

// eslint-disable-next-line no-control-regex -- matching terminal escapes is the point
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

/** Rows a line takes on a terminal `columns` wide (a long line wraps onto several). */
function rowsOf(line: string, columns: number): number {
  const width = textWidth(line.replace(ANSI, '')); // display columns: a CJK character takes two
  return Math.max(1, Math.ceil(width / columns));
}

/**
 * A block of lines redrawn in place on a terminal: each draw moves the cursor up over the lines
 * the previous draw wrote and clears from there down, so nothing above it (the command line, an
 * earlier output) is touched and no full-screen clear happens.
 */
export class Frame {
  private rows = 0;

  constructor(private readonly out: OutStream) {}

  /** Replaces the previous frame with `text` (lines ending in "\n"). */
  draw(text: string): void {
    // A terminal that reports no size (0, as under `script`) is taken as 80 wide.
    const columns = terminalColumns(this.out) ?? 80;
    const body = text.endsWith('\n') ? text : `${text}\n`;
    this.out.write(this.erasure() + body);
    this.rows = body
      .slice(0, -1)
      .split('\n')
      .reduce((sum, line) => sum + rowsOf(line, columns), 0);
  }

  /** Erases the frame (before a notice is written below the command line), so the next draw starts fresh. */
  clear(): void {
    this.out.write(this.erasure());
    this.rows = 0;
  }

  private erasure(): string {
    return this.rows > 0 ? `\x1b[${this.rows}A\r\x1b[J` : '';
  }
}
