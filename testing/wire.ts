/**
 * What a client puts on the wire, recorded at the network edge: a `fetch` to hand to a client,
 * which keeps a copy of each request and sends it on.
 *
 * @module
 */

/** A recording `fetch` and what it saw. */
export interface WireRecorder {
  /** Pass this as the client's `fetch`. */
  readonly fetch: typeof fetch;
  /** Copies of the requests sent, in order (their bodies can still be read). */
  readonly requests: Request[];
  /** The path of each request sent, in order. */
  paths(): string[];
}

/** A `fetch` that records each request before sending it with the global `fetch`. */
export function recordingFetch(): WireRecorder {
  const requests: Request[] = [];
  return {
    fetch: (input, init) => {
      const request = new Request(input, init);
      requests.push(request.clone());
      return fetch(request);
    },
    requests,
    paths: () => requests.map((request) => new URL(request.url).pathname),
  };
}

/** A counting `fetch` and what it counted. */
export interface InFlightCounter {
  /** Pass this as the client's `fetch`. */
  readonly fetch: typeof fetch;
  /** Requests sent so far, retries included. */
  sent(): number;
  /** Most requests waiting for their reply's head at once. */
  most(): number;
}

/**
 * A `fetch` that counts the requests waiting for their reply's head at once, each from the moment
 * it is sent (by `send`, the global `fetch` by default) until its head is in or it fails.
 */
export function inFlightFetch(send: typeof fetch = fetch): InFlightCounter {
  let inFlight = 0;
  let most = 0;
  let sent = 0;
  return {
    fetch: async (input, init) => {
      sent += 1;
      inFlight += 1;
      most = Math.max(most, inFlight);
      try {
        return await send(input, init);
      } finally {
        inFlight -= 1;
      }
    },
    sent: () => sent,
    most: () => most,
  };
}

/** A `fetch` that holds every request until {@link HeldFetch.release} lets them through. */
export interface HeldFetch {
  /** Pass this as the client's `fetch`. */
  readonly fetch: typeof fetch;
  /** Lets the held requests, and all later ones, through to `send`. */
  release(): void;
}

/** A {@link HeldFetch} sending with `send` (the global `fetch` by default) once released. */
export function heldFetch(send: typeof fetch = fetch): HeldFetch {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    fetch: async (input, init) => {
      await released;
      return send(input, init);
    },
    release: () => release(),
  };
}
