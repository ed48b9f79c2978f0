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
