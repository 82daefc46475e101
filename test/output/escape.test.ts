/* eslint-disable no-control-regex -- these tests look for raw control characters */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeTerminalSafe,
  jsonTerminalSafe,
  terminalSafe,
  terminalSafeLines,
} from '../../src/output/escape.js';

/** Every character a terminal must never receive raw from the server. */
const C0 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i));
const C1 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(0x80 + i));
const BIDI = [0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];
const SEPARATORS = [0x2028, 0x2029];
const RAW = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('terminalSafe', () => {
  it.each(C0.map((c) => [c.charCodeAt(0)]))('C0 U+%s is shown as \\xHH', (code) => {
    const shown = terminalSafe(`a${String.fromCharCode(code)}b`);
    expect(shown).toBe(`a\\x${code.toString(16).padStart(2, '0')}b`);
  });

  it.each(C1.map((c) => [c.charCodeAt(0)]))('C1 U+%s is shown as \\xHH', (code) => {
    expect(terminalSafe(String.fromCharCode(code))).toBe(`\\x${code.toString(16)}`);
  });

  it('DEL is shown as \\x7f', () => {
    expect(terminalSafe('x\u007fy')).toBe('x\\x7fy');
  });

  it.each([...BIDI, ...SEPARATORS].map((c) => [c]))(
    'bidi control or separator U+%s is shown as \\uHHHH',
    (code) => {
      expect(terminalSafe(`ab${String.fromCharCode(code)}cd`)).toBe(
        `ab\\u${code.toString(16).padStart(4, '0')}cd`,
      );
    },
  );

  it('defuses a screen clear, a title change, an OSC 52 clipboard write, a bell and a CR overwrite', () => {
    expect(terminalSafe('Standup\u001b[2J\u001b[H')).toBe('Standup\\x1b[2J\\x1b[H');
    expect(terminalSafe('\u001b]0;pwned\u0007')).toBe('\\x1b]0;pwned\\x07');
    expect(terminalSafe('\u001b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u001b\\')).toBe(
      '\\x1b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\\x1b\\',
    );
    expect(terminalSafe('Room A\rRoom B')).toBe('Room A\\x0dRoom B');
    expect(terminalSafe('\u009b2J')).toBe('\\x9b2J');
  });

  it('shows a reordered name in its stored order', () => {
    // "invoice_\u202Efdp.exe" would display as "invoice_exe.pdf".
    expect(terminalSafe('invoice_\u202efdp.exe')).toBe('invoice_\\u202efdp.exe');
  });

  it('keeps ordinary text, emoji and joiners as they are', () => {
    for (const text of [
      'Daily standup',
      'Zoë – Ünïcödé',
      '👩‍👩‍👧 family',
      'C:\\data\\rooms',
      'a\\b',
      'تجربة',
      '日本語',
    ]) {
      expect(terminalSafe(text)).toBe(text);
    }
  });

  it('doubles a backslash only where it would read as an escape', () => {
    expect(terminalSafe('\\x1b')).toBe('\\\\x1b');
    expect(terminalSafe('\\u202e')).toBe('\\\\u202e');
    expect(terminalSafe('a\\\\b')).toBe('a\\\\\\b');
    expect(terminalSafe('\\\u001b')).toBe('\\\\\\x1b');
    expect(terminalSafe('end\\')).toBe('end\\');
  });

  it('one line: newlines and tabs are escaped too', () => {
    expect(terminalSafe('id-1\nid-2\tx')).toBe('id-1\\x0aid-2\\x09x');
  });

  it('property: the result never holds a raw control character, and decodes back exactly', () => {
    const hostile = fc.string({
      unit: fc.oneof(
        fc.constantFrom(...C0, ...C1, '\u007f', '\\', 'x', 'u', '1', 'b', '[', ']', ';'),
        fc.constantFrom(...[...BIDI, ...SEPARATORS].map((c) => String.fromCharCode(c))),
        fc.string({ unit: 'binary', maxLength: 1 }),
      ),
    });
    fc.assert(
      fc.property(hostile, (text) => {
        const shown = terminalSafe(text);
        expect(shown).not.toMatch(RAW);
        expect(decodeTerminalSafe(shown)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('terminalSafeLines', () => {
  it('keeps line breaks but escapes CR and everything else', () => {
    expect(terminalSafeLines('line 1\nline 2\r\n\u001b[31mred')).toBe('line 1\nline 2\\x0d\n\\x1b[31mred');
  });

  it('property: only \\n stays raw, and it decodes back exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const shown = terminalSafeLines(text);
        expect(shown.replace(/\n/g, '')).not.toMatch(RAW);
        expect(decodeTerminalSafe(shown)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('jsonTerminalSafe', () => {
  it('writes DEL, C1 and bidi controls as \\u escapes that parse back to the same value', () => {
    const value = { name: 'a\u009b2J\u007f\u202eb\u2028', list: ['\u0085'] };
    const text = jsonTerminalSafe(JSON.stringify(value));
    expect(text).toBe('{"name":"a\\u009b2J\\u007f\\u202eb\\u2028","list":["\\u0085"]}');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('property: any JSON value round-trips exactly and holds no raw control character', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.string({ unit: 'binary' }), (value, key) => {
        const wrapped = { [key]: value, s: key };
        const text = jsonTerminalSafe(JSON.stringify(wrapped, null, 2));
        expect(text.replace(/\n/g, '')).not.toMatch(RAW);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(wrapped)));
      }),
      { numRuns: 500 },
    );
  });
});
