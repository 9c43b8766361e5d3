import "server-only";

/**
 * The loop of the background workers (outbox delivery, periodic jobs): runs
 * `round`, pauses for as long as it answers (0: at once), again and again
 * until stopped. `round` must not throw; it catches and logs its own
 * failures. The returned function ends the current pause, waits for a round
 * in progress and resolves when the loop has ended.
 */
export function repeatUntilStopped(round: () => Promise<number>): () => Promise<void> {
  let stopped = false;
  let wake: (() => void) | undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const running = (async () => {
    while (!stopped) {
      const pauseMs = await round();
      if (stopped) break;
      if (pauseMs > 0) await pause(pauseMs);
    }
  })();

  return async () => {
    stopped = true;
    wake?.();
    await running;
  };
}
