import { describe, expect, it } from 'vitest';
import { terminalColumns } from '../../src/context.js';
import { createProgress } from '../../src/download/progress.js';
import { resolveGlobals } from '../../src/globals.js';
import { Printer } from '../../src/output/printer.js';
import { Frame } from '../../src/watch/frame.js';
import { MemoryStream, makeContext } from '../helpers/cli.js';

/**
 * A terminal stream of the given width that refuses more than 100 kB or 10,000 cursor moves: an
 * endless redraw loop then ends in an error instead of hanging the test.
 */
class BoundedTTY extends MemoryStream {
  constructor(columns: number) {
    super(true, columns);
  }
  override _write(chunk: Buffer | string, enc: BufferEncoding, cb: () => void): void {
    if (this.text.length > 100_000) throw new Error('endless redraw: more than 100 kB written');
    super._write(chunk, enc, cb);
  }
  private moves = 0;
  /** Cursor moves are counted too: ora erases its lines with them, not with write(). */
  override moveCursor(dx: number, dy: number, cb?: () => void): boolean {
    if (++this.moves > 10_000) throw new Error('endless redraw: more than 10,000 cursor moves');
    return super.moveCursor(dx, dy, cb);
  }
}

describe('terminalColumns', () => {
  it.each([
    [0, undefined],
    [Number.NaN, undefined],
    [-3, undefined],
    [Number.POSITIVE_INFINITY, undefined],
    [undefined, undefined],
    [80, 80],
    [132.6, 132],
  ])('columns %s → %s', (columns, want) => {
    expect(terminalColumns({ write: () => true, isTTY: true, columns })).toBe(want);
  });
});

describe('a terminal that reports 0 columns', () => {
  for (const columns of [0, Number.NaN]) {
    it(`spin (${columns}): runs the work without a spinner and ends`, async () => {
      const ctx = makeContext({ stderrTTY: true });
      const err = new BoundedTTY(columns);
      const tty = { ...ctx, stderr: err, rawStderr: err };
      const printer = new Printer(tty, resolveGlobals({}, tty));
      const got = await printer.spin('Listing rooms…', async (s) => {
        s.update('still listing');
        await new Promise((r) => setTimeout(r, 250));
        return 42;
      });
      expect(got).toBe(42);
      expect(err.text).not.toContain('\x1b[1A');
      expect(err.text.length).toBeLessThan(1000);
    });

    it(`progress bar (${columns}): draws an 80-column bar`, () => {
      const s = { text: '', isTTY: true, columns, write: (c: string) => ((s.text += c), true) };
      const p = createProgress(s, 'bar', 2);
      p.done({ path: 'a', status: 'downloaded', bytes: 10 });
      // eslint-disable-next-line no-control-regex -- the bar is drawn with terminal escapes
      expect(s.text).toMatch(/^\r\x1b\[2K\[█{15}░{15}\] 1\/2 files · 0 B$/);
    });

    it(`watch frame (${columns}): erases only the rows it drew`, () => {
      const s = { text: '', isTTY: true, columns, write: (c: string) => ((s.text += c), true) };
      const frame = new Frame(s);
      frame.draw('a\nb\n');
      frame.draw('c\n');
      expect(s.text).toBe('a\nb\n\x1b[2A\r\x1b[Jc\n');
    });
  }

  it('table output is not fitted to a width of 0 (every character kept)', () => {
    const ctx = makeContext({ stdoutTTY: true });
    const out = new MemoryStream(true, 0);
    const tty = { ...ctx, stdout: out, rawStdout: out };
    new Printer(tty, resolveGlobals({}, tty)).data([{ room_id: 'r1', name: 'a very long room name' }], {
      columns: ['room_id', 'name'],
    });
    expect(out.text).toContain('a very long room name');
  });
});
