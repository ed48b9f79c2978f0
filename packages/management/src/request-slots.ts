/**
 * The slots of a client's requests on the wire: at most `size` at once, each held from the moment
 * its request leaves to the moment its reply's head is in (or it fails). Reading, parsing and
 * validating a body hold none, so that the next request leaves while the client is still reading
 * the reply of the last one. A retry is a new request: it waits for a slot of its own.
 *
 * Two halves, which the client puts around `fetch`: {@link hold}, the last `beforeRequest` hook
 * of each attempt, waits for a slot, so that the wait comes before the attempt's timeout starts;
 * {@link fetch} sends the request and gives its slot back when the head is in.
 */
export class RequestSlots {
  /** Most requests on the wire at once. */
  readonly size: number;
  #free: number;
  /** Requests waiting for a slot, first come first served, so that a walk's pages leave in order. */
  readonly #waiting: Array<() => void> = [];
  /** Requests that hold a slot and have not been sent yet. */
  readonly #held = new WeakSet<Request>();

  constructor(size: number) {
    this.size = size;
    this.#free = size;
  }

  /**
   * Waits for a slot for `request`, first come first served. Rejects with the reason of the
   * request's signal when it aborts first: a call cancelled while it waits is never sent.
   */
  async hold(request: Request): Promise<void> {
    if (this.#free > 0) {
      this.#free -= 1;
    } else {
      const { signal } = request;
      signal.throwIfAborted();
      await new Promise<void>((resolve, reject) => {
        const take = () => {
          signal.removeEventListener('abort', give);
          resolve();
        };
        const give = () => {
          this.#waiting.splice(this.#waiting.indexOf(take), 1);
          reject(signal.reason);
        };
        signal.addEventListener('abort', give, { once: true });
        this.#waiting.push(take);
      });
    }
    this.#held.add(request);
  }

  /**
   * `send` for requests that {@link hold} a slot: the slot goes back, to the request that has
   * waited longest, when `send` settles (the reply's head, or a failure). Other requests pass
   * through as they are.
   */
  fetch(send: typeof fetch): typeof fetch {
    return async (input, init) => {
      const held = input instanceof Request && this.#held.delete(input);
      try {
        return await send(input, init);
      } finally {
        if (held) this.#release();
      }
    };
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#free += 1;
  }
}
