/**
 * Runs `tasks` at most `concurrency` at a time and yields their results in task order, whatever
 * order they finish in. A new task starts only after the consumer has taken a result, so at most
 * `concurrency` results exist at once (running, or finished and waiting for their turn): memory
 * stays bounded however many tasks there are.
 *
 * Every task gets one shared signal. The first task to fail (in time, not in order) aborts it with
 * its error as the reason and the generator throws that error at once, without waiting for earlier
 * tasks still running: a failed export stops its other requests (and their retry waits) instead of
 * letting them run on. The signal is also aborted when the consumer stops early.
 */
export async function* inOrder<T>(
  tasks: readonly ((signal: AbortSignal) => Promise<T>)[],
  concurrency: number,
): AsyncGenerator<T, void, undefined> {
  const limit = Math.max(1, Math.floor(concurrency));
  const stop = new AbortController();
  // The first failure, and how to wake the consumer waiting for a result when it happens. (Not a
  // Promise.race against one long-lived "failed" promise: each race leaves a reaction on it that
  // holds that race's result until the generator ends, so every result ever yielded stays in memory.)
  let failure: { err: unknown } | undefined;
  let wake: ((err: unknown) => void) | undefined;
  const running: Promise<T>[] = [];
  let next = 0;
  const fill = () => {
    while (!stop.signal.aborted && running.length < limit && next < tasks.length) {
      const task = tasks[next++] as (signal: AbortSignal) => Promise<T>;
      const promise = Promise.resolve().then(() => task(stop.signal));
      // Handled here so a task failing before its turn is not an unhandled rejection; the first
      // failure stops the others and reaches the consumer at once.
      promise.catch((err: unknown) => {
        if (stop.signal.aborted) return;
        failure = { err };
        stop.abort(err);
        wake?.(err);
      });
      running.push(promise);
    }
  };
  try {
    fill();
    while (running.length > 0) {
      // Once a task has failed, no result that was already waiting is yielded.
      if (failure) throw failure.err;
      const head = running.shift() as Promise<T>;
      // The head's result, or the first failure of any task if that comes first.
      const result = await new Promise<T>((resolve, reject) => {
        wake = reject;
        head.then(resolve, reject);
      });
      wake = undefined;
      yield result;
      fill();
    }
  } finally {
    if (!stop.signal.aborted) stop.abort(new Error('the consumer stopped reading results'));
  }
}
