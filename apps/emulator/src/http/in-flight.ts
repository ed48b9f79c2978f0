/** A fetch handler that counts the requests it is still handling. */
export interface TrackedHandler<THandler> {
  readonly handle: THandler;
  /** Resolves once no request is being handled. */
  drained(): Promise<void>;
}

/**
 * Wraps a fetch handler so that shutdown can wait for the requests already read from their
 * sockets: closing the database under them would fail their replies (and log noise).
 */
export function trackInFlight<TArgs extends unknown[], TResult>(
  handler: (...args: TArgs) => Promise<TResult> | TResult,
): TrackedHandler<(...args: TArgs) => Promise<TResult>> {
  let count = 0;
  let waiters: (() => void)[] = [];
  return {
    handle: async (...args) => {
      count++;
      try {
        return await handler(...args);
      } finally {
        if (--count === 0) {
          for (const resolve of waiters) resolve();
          waiters = [];
        }
      }
    },
    drained: () => (count === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
  };
}
