import { AsyncLocalStorage } from 'node:async_hooks';

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
    // The last attempt wins: that is the reply the client validated.
    if (capture) capture.reply = response.clone();
    return response;
  };
}

/** What {@link withReplyCapture} returns when the call failed. */
export interface CapturedFailure {
  readonly error: unknown;
  /** The last reply's body as JSON, if one arrived and parsed; `undefined` otherwise. */
  readonly body: unknown;
}

/**
 * Runs `call` and returns its value, or its error together with the last raw reply it received,
 * so that the caller can decide whether that reply is worth salvaging.
 */
export async function withReplyCapture<T>(
  call: () => Promise<T>,
): Promise<{ readonly ok: true; readonly value: T } | ({ readonly ok: false } & CapturedFailure)> {
  const capture: Capture = {};
  try {
    return { ok: true, value: await captures.run(capture, call) };
  } catch (error) {
    return { ok: false, error, body: await readJson(capture.reply) };
  }
}

async function readJson(reply: Response | undefined): Promise<unknown> {
  if (!reply) return undefined;
  try {
    return JSON.parse(await reply.text());
  } catch {
    return undefined;
  }
}
