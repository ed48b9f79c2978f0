/** A body that did not finish within its time. */
export const BODY_TIMED_OUT: unique symbol = Symbol('body timed out');

/** A body longer than the most a client takes. */
export const BODY_TOO_LARGE: unique symbol = Symbol('body too large');

/**
 * The text of a reply's body; {@link BODY_TIMED_OUT} when it is not complete within `ms`, and
 * {@link BODY_TOO_LARGE} once it passes `maxBytes`. fetch's timeout ends when the head arrives: a
 * server that stalls mid-body would otherwise hold the call forever, and one whose body never
 * ends would fill the memory until then. The body is cancelled in both cases, which frees the
 * connection. Rejects as the body does when it is cut off.
 */
export async function readBody(
  response: Response,
  ms: number,
  maxBytes: number,
): Promise<string | typeof BODY_TIMED_OUT | typeof BODY_TOO_LARGE> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let failed: typeof BODY_TIMED_OUT | typeof BODY_TOO_LARGE | undefined;
  // Cancelling ends the pending read at once (done). Not awaited: a branch of a teed body (ky
  // hands hooks a clone) settles its cancel only once every branch is cancelled.
  const stop = (why: typeof failed) => {
    failed = why;
    reader.cancel().catch(() => undefined);
  };
  const timer = setTimeout(stop, ms, BODY_TIMED_OUT);
  let text = '';
  let bytes = 0;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      bytes += chunk.value.byteLength;
      if (bytes > maxBytes) {
        stop(BODY_TOO_LARGE);
        break;
      }
      text += decoder.decode(chunk.value, { stream: true });
    }
  } finally {
    clearTimeout(timer);
  }
  if (failed) return failed;
  // Unlocked, the finished stream cancels quietly: ky cancels the clone it gave the hook, and
  // cancelling a locked one builds a TypeError (with its message formatted) every call.
  reader.releaseLock();
  return text + decoder.decode();
}
