import { describe, expect, it } from 'vitest';
import { Frame } from '../../src/watch/frame.js';
import { MemoryStream } from '../helpers/cli.js';

describe('a redrawn frame counts the rows wide text takes', () => {
  it('a line of 30 CJK characters (60 columns) takes two rows of a 40-column terminal', () => {
    const s = new MemoryStream(true, 40);
    const frame = new Frame(s);
    frame.draw(`${'会'.repeat(30)}\nok\n`);
    frame.draw('next\n');
    // 2 rows for the wide line + 1 for "ok": the cursor goes up 3, not 2.
    expect(s.text).toContain('\u001b[3A\r\u001b[J');
  });

  it('an emoji ZWJ sequence is two columns, not seven code points', () => {
    const s = new MemoryStream(true, 20);
    const frame = new Frame(s);
    frame.draw(`${'👩‍👩‍👧‍👦'.repeat(10)}\n`); // 20 columns: one row
    frame.draw('next\n');
    expect(s.text).toContain('\u001b[1A\r\u001b[J');
  });
});
