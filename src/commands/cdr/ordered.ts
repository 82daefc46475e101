/**
 * Runs `tasks` at most `concurrency` at a time and yields their results in task order, whatever
 * order they finish in. A new task starts only after the consumer has taken a result, so at most
 * `concurrency` results exist at once (running, or finished and waiting for their turn): memory
 * stays bounded however many tasks there are. The first failure in order is thrown; tasks still
 * running then are left to finish and their results are dropped.
 */
export async function* inOrder<T>(
  tasks: readonly (() => Promise<T>)[],
  concurrency: number,
): AsyncGenerator<T, void, undefined> {
  const limit = Math.max(1, Math.floor(concurrency));
  const running: Promise<T>[] = [];
  let next = 0;
  const fill = () => {
    while (running.length < limit && next < tasks.length) {
      const task = tasks[next++] as () => Promise<T>;
      const promise = Promise.resolve().then(task);
      // Handled here so a later task failing before its turn is not an unhandled rejection;
      // the failure still surfaces when its turn comes.
      promise.catch(() => undefined);
      running.push(promise);
    }
  };
  fill();
  while (running.length > 0) {
    const result = await (running.shift() as Promise<T>);
    yield result;
    fill();
  }
}
