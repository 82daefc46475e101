import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { collectIfAbove } from '../src/heap.js';

describe('collectIfAbove', () => {
  it('frees dropped objects once the heap passes the budget, and does nothing below it', () => {
    let garbage: unknown[] | undefined = Array.from({ length: 200_000 }, (_, i) => ({
      i,
      text: `record ${i}`,
    }));
    expect(garbage.length).toBe(200_000);
    garbage = undefined;
    const before = getHeapStatistics().used_heap_size;
    collectIfAbove(Number.MAX_SAFE_INTEGER);
    expect(getHeapStatistics().used_heap_size).toBeGreaterThan(before - 4 * 1024 * 1024);
    collectIfAbove(0);
    expect(getHeapStatistics().used_heap_size).toBeLessThan(before - 8 * 1024 * 1024);
  });
});
