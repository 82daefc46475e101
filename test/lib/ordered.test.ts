import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { inOrder } from '../../src/lib/ordered.js';

/** A full garbage collection, on demand (the flag is set for this process, gc taken from a fresh context). */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

/** A promise with its resolve/reject exposed. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('inOrder', () => {
  it('yields in task order whatever order the tasks finish in', async () => {
    const delays = [30, 5, 20, 1, 10, 0];
    const tasks = delays.map((ms, i) => () => new Promise<number>((r) => setTimeout(() => r(i), ms)));
    const got: number[] = [];
    for await (const v of inOrder(tasks, 3)) got.push(v);
    expect(got).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('never holds more than `concurrency` results: a task starts only after one is taken', async () => {
    const gates = Array.from({ length: 6 }, () => deferred<number>());
    const started: number[] = [];
    const tasks = gates.map((g, i) => () => {
      started.push(i);
      return g.promise;
    });
    const it = inOrder(tasks, 2)[Symbol.asyncIterator]();
    const first = it.next();
    await tick();
    expect(started).toEqual([0, 1]);
    // Later tasks finishing early do not let more start while task 0 is pending.
    gates[1]!.resolve(1);
    await tick();
    expect(started).toEqual([0, 1]);
    gates[0]!.resolve(0);
    expect(await first).toEqual({ value: 0, done: false });
    // The consumer holds result 0; task 2 has not started yet.
    expect(started).toEqual([0, 1]);
    const second = it.next();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    expect(await second).toEqual({ value: 1, done: false });
    for (const g of gates.slice(2)) g.resolve(0);
    const rest: number[] = [];
    for (let r = await it.next(); !r.done; r = await it.next()) rest.push(r.value);
    expect(rest).toHaveLength(4);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('throws the first failure at once, aborts the running siblings and starts nothing after it', async () => {
    const started: number[] = [];
    const signals: AbortSignal[] = [];
    const failure = new Error('chunk 1 failed');
    const gate = deferred<never>();
    const tasks = [0, 1, 2, 3, 4].map((i) => (signal: AbortSignal) => {
      started.push(i);
      signals.push(signal);
      if (i === 1) return gate.promise;
      // Never answers: only the abort ends it.
      return new Promise<number>(() => undefined);
    });
    const it = inOrder(tasks, 2)[Symbol.asyncIterator]();
    const first = it.next();
    await tick();
    expect(signals.some((s) => s.aborted)).toBe(false);
    gate.reject(failure);
    // Task 0 (earlier in order) is still running, yet the failure surfaces now.
    await expect(first).rejects.toBe(failure);
    expect(started).toEqual([0, 1]);
    expect(signals.every((s) => s.aborted && s.reason === failure)).toBe(true);
    expect(await it.next()).toEqual({ value: undefined, done: true });
  });

  it('yields no result that was waiting once a later task has failed', async () => {
    const later = deferred<number>();
    const tasks = [async () => 1, () => later.promise, () => Promise.reject(new Error('late failure'))];
    const it = inOrder(tasks, 3)[Symbol.asyncIterator]();
    expect(await it.next()).toEqual({ value: 1, done: false });
    // While the consumer holds result 1, task 1 finishes and task 2 fails.
    later.resolve(2);
    await tick();
    await expect(it.next()).rejects.toThrow('late failure');
  });

  it('aborts the running tasks when the consumer stops early', async () => {
    let seen: AbortSignal | undefined;
    const tasks = [
      async () => 1,
      (signal: AbortSignal) => {
        seen = signal;
        return new Promise<number>(() => undefined);
      },
    ];
    for await (const v of inOrder(tasks, 2)) {
      expect(v).toBe(1);
      break;
    }
    expect(seen?.aborted).toBe(true);
  });

  it('does not leave an unhandled rejection when several tasks fail', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const tasks = [0, 1, 2].map((i) => () => Promise.reject(new Error(`failure ${i}`)));
      await expect(
        (async () => {
          for await (const _ of inOrder(tasks, 3)) expect.unreachable();
        })(),
      ).rejects.toThrow(/failure \d/);
      await tick();
      await tick();
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('keeps no result once the consumer has taken it: memory stays flat over any number of tasks', async () => {
    const taken: WeakRef<object>[] = [];
    const tasks = Array.from({ length: 12 }, () => async () => ({
      payload: new Array<number>(10_000).fill(1),
    }));
    let alive = -1;
    for await (const result of inOrder(tasks, 3)) {
      taken.push(new WeakRef(result));
      if (taken.length === 10) {
        // Let the generator's and the loop's last references go, then collect.
        await tick();
        collectGarbage();
        alive = taken.slice(0, 8).filter((r) => r.deref() !== undefined).length;
      }
    }
    expect(alive).toBe(0);
  });

  it('handles no tasks and a concurrency above the task count', async () => {
    const none: number[] = [];
    for await (const v of inOrder<number>([], 3)) none.push(v);
    expect(none).toEqual([]);
    const got: number[] = [];
    for await (const v of inOrder([async () => 1, async () => 2], 10)) got.push(v);
    expect(got).toEqual([1, 2]);
  });
});
