import { describe, expect, it } from 'vitest';
import { JsonArraySplitter } from '../../src/api/json-array.js';

/** Feeds `text` in pieces of `size` bytes; returns the elements parsed and the envelope. */
function split(text: string, size: number, key = 'cdr') {
  const items: unknown[] = [];
  const splitter = new JsonArraySplitter(key, (t) => items.push(JSON.parse(t)));
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) splitter.write(bytes.subarray(i, i + size));
  return { items, envelope: splitter.end() };
}

const records = [
  { cdr_id: 'a', name: 'quote " and \\ backslash', nested: { list: [1, [2, { x: '}' }]] } },
  { cdr_id: 'b', name: 'ends in backslash \\', text: '[{"not":"structure"}]' },
  { cdr_id: 'c', name: '日本語 and 👩‍👩‍👧', empty: {} },
];

describe('JsonArraySplitter', () => {
  const body = JSON.stringify({ result: '0', cdr: records, total: 3 }, null, 1);
  it.each([1, 2, 3, 7, 64, 100_000])(
    'gives every element and the envelope, fed %i bytes at a time',
    (size) => {
      const { items, envelope } = split(body, size);
      expect(items).toEqual(records);
      expect(JSON.parse(envelope)).toEqual({ result: '0', cdr: [], total: 3 });
    },
  );

  it('streams only the list under its key; other lists stay in the envelope', () => {
    const { items, envelope } = split('{"other":[{"a":1}],"cdr":[{"b":2}],"after":[3]}', 5);
    expect(items).toEqual([{ b: 2 }]);
    expect(JSON.parse(envelope)).toEqual({ other: [{ a: 1 }], cdr: [], after: [3] });
  });

  it('skips scalar elements, as the list readers do', () => {
    const { items } = split('{"cdr":[1,"two",{"c":3},null,[4]]}', 3);
    expect(items).toEqual([{ c: 3 }, [4]]);
  });

  it('leaves an answer that is not the expected object, or one cut short, unparseable or as it was', () => {
    expect(split('{"result":"0","cdr":[{"a":1},{"b"', 4).envelope).toMatch(/cut short/);
    expect(() => JSON.parse(split('{"result":"0","cdr":[{"a":1},{"b"', 4).envelope)).toThrow();
    expect(split('<html>502 Bad Gateway</html>', 5).envelope).toBe('<html>502 Bad Gateway</html>');
    expect(JSON.parse(split('{"result":10000,"error":"bad key"}', 3).envelope)).toEqual({
      result: 10000,
      error: 'bad key',
    });
  });
});
