import { AsyncLocalStorage } from 'node:async_hooks';
import { DEFAULT_MAX_REPLY_BYTES, DEFAULT_TIMEOUT, isValidationError, readBody } from '@genauth-groups/core';

interface Capture {
  reply?: Response;
}

// The client validates replies and throws on a malformed one without handing out the body. To
// salvage the valid items of such a page (see salvage.ts), the raw reply of a call is kept aside
// while that call runs: the fetch wrapper below stores a clone in the call's async context.
// AsyncLocalStorage follows the call through the wait for one of the client's request slots and
// ky's retries.
const captures = new AsyncLocalStorage<Capture>();

/**
 * Wraps `fetch` so that a call run by {@link withReplyCapture} can read its last raw reply.
 * Outside such a call it adds nothing.
 */
export function capturingFetch(base: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    const capture = captures.getStore();
    if (capture) {
      // The last attempt wins: that is the reply the client validated. The copy of the one
      // before is let go, so that it does not hold that reply's connection.
      letGo(capture.reply);
      capture.reply = response.clone();
    }
    return response;
  };
}

/** What {@link withReplyCapture} returns when the call failed. */
export interface CapturedFailure {
  readonly error: unknown;
  /**
   * The last reply's body as JSON, when the call failed with a `ValidationError` and the body
   * parsed; `undefined` otherwise.
   */
  readonly body: unknown;
}

/**
 * Runs `call` and returns its value, or its error together with the last raw reply it received,
 * so that the caller can decide whether that reply is worth salvaging.
 *
 * Only the reply of a `ValidationError` is read: the client read that reply whole before finding
 * it wrong, so its copy is in memory already. After any other failure (a body that stalls or
 * never ends, a connection lost mid-body) reading the copy would wait on the network that failed,
 * or fill the memory: it is let go unread.
 */
export async function withReplyCapture<T>(
  call: () => Promise<T>,
): Promise<{ readonly ok: true; readonly value: T } | ({ readonly ok: false } & CapturedFailure)> {
  const capture: Capture = {};
  try {
    return { ok: true, value: await captures.run(capture, call) };
  } catch (error) {
    return { ok: false, error, body: isValidationError(error) ? await readJson(capture.reply) : undefined };
  } finally {
    letGo(capture.reply);
  }
}

/**
 * The JSON of a reply the client read whole, within the client's default bounds all the same: a
 * reply refused for its size is one (a `ValidationError` too), and its copy never ends.
 */
async function readJson(reply: Response | undefined): Promise<unknown> {
  if (!reply) return undefined;
  const text = await readBody(reply, DEFAULT_TIMEOUT, DEFAULT_MAX_REPLY_BYTES).catch(() => undefined);
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Cancels a copy nobody will read (or has read), which frees its connection once the client's is done too. */
function letGo(reply: Response | undefined): void {
  reply?.body?.cancel().catch(() => undefined);
}
