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
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<typeof BODY_TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(BODY_TIMED_OUT), ms);
  });
  const read = (async () => {
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        // Unlocked, the finished stream cancels quietly: ky cancels the clone it gave the hook,
        // and cancelling a locked one builds a TypeError (with its message formatted) every call.
        reader.releaseLock();
        return text + decoder.decode();
      }
      text += decoder.decode(value, { stream: true });
    }
  })();
  try {
    const result = await Promise.race([read, expired]);
    if (result === BODY_TIMED_OUT) {
      read.catch(() => undefined);
      // Not awaited: a branch of a teed body (ky hands hooks a clone) settles its cancel only
      // once every branch is cancelled.
      reader.cancel().catch(() => undefined);
    }
    return result;
  } finally {
    clearTimeout(timer);
  }
}
