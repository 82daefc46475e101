import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Heap in use past which a long export asks for a full collection. */
const HEAP_BUDGET = 48 * 1024 * 1024;

let collect: (() => void) | undefined | null;

/**
 * A long export allocates (and drops) gigabytes of parsed records; V8 lets its heap grow with the run
 * long before collecting, so peak memory would grow with the record count although little is alive.
 * When the heap in use passes `budget`, this runs a full collection (a few ms), which keeps the peak
 * flat. The collector is reached the documented way for code that cannot pass `--expose-gc`.
 */
export function collectIfAbove(budget = HEAP_BUDGET): void {
  if (getHeapStatistics().used_heap_size < budget) return;
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
