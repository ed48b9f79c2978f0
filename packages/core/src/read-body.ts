/** A body that did not finish within its time. */
export const BODY_TIMED_OUT: unique symbol = Symbol('body timed out');

/**
 * The text of a reply's body, or {@link BODY_TIMED_OUT} when it is not complete within `ms`:
 * fetch's timeout ends when the head arrives, and a server that stalls mid-body would otherwise
 * hold the call forever. The body is cancelled on time-out, which frees the connection. Rejects
 * as the body does when it is cut off.
 */
export async function readBody(response: Response, ms: number): Promise<string | typeof BODY_TIMED_OUT> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let expired = false;
  // Cancelling ends the pending read at once (done). Not awaited: a branch of a teed body (ky
  // hands hooks a clone) settles its cancel only once every branch is cancelled.
  const timer = setTimeout(() => {
    expired = true;
    reader.cancel().catch(() => undefined);
  }, ms);
  let text = '';
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      text += decoder.decode(chunk.value, { stream: true });
    }
  } finally {
    clearTimeout(timer);
  }
  if (expired) return BODY_TIMED_OUT;
  // Unlocked, the finished stream cancels quietly: ky cancels the clone it gave the hook, and
  // cancelling a locked one builds a TypeError (with its message formatted) every call.
  reader.releaseLock();
  return text + decoder.decode();
}
