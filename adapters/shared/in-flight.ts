/** The requests a bot is working on, so a shutdown can stop intake and wait for them. */
export interface InFlight {
  /** False once {@link InFlight.drain} was called: new work is refused. */
  readonly accepting: boolean;
  /** Requests in progress. */
  readonly size: number;
  /**
   * Runs `work` as one tracked request; resolves with its result. Returns null without running
   * it once the bot is stopping.
   */
  run<T>(work: () => Promise<T>): Promise<T> | null;
  /**
   * Stops intake and waits until the requests in progress have settled or `timeoutMs` has
   * passed; resolves with how many were still running (abandoned).
   */
  drain(timeoutMs: number): Promise<number>;
}

/** Creates an empty {@link InFlight} that accepts work. */
export function createInFlight(): InFlight {
  const running = new Set<Promise<unknown>>();
  let accepting = true;
  return {
    get accepting() {
      return accepting;
    },
    get size() {
      return running.size;
    },
    run(work) {
      if (!accepting) return null;
      const promise = work();
      const settled = promise.then(
        () => undefined,
        () => undefined,
      );
      running.add(settled);
      void settled.then(() => running.delete(settled));
      return promise;
    },
    async drain(timeoutMs) {
      accepting = false;
      if (running.size === 0) return 0;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      });
      await Promise.race([Promise.all(running), timeout]);
      clearTimeout(timer);
      return running.size;
    },
  };
}
