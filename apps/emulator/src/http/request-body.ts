import type { MiddlewareHandler, Next } from 'hono';
import { ApiError, invalidParam } from './api-error.ts';
import type { AppContext, AppEnv } from './context.ts';

/**
 * Reads every request's body once, up to `maxBytes`, into the `body` variable that `readJson`
 * parses, whatever its framing (`content-length`, chunked, or none on a DELETE or OPTIONS).
 *
 * Hono's `bodyLimit` rebuilds the `Request` around the bytes it read, which throws with
 * `@hono/node-server`'s lightweight request when `overrideGlobalObjects` is off (our case): every
 * chunked or length-less body became a 500. This reads the stream itself and keeps the bytes.
 *
 * @throws {ApiError} 413 `请求过大` with `Connection: close` over the cap: the rest of the body is
 *   left unread, so the connection cannot carry another request.
 */
export function requestBody(maxBytes: number): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    // A GET without Content-Length or Transfer-Encoding has no body (RFC 9112, 6.3), and asking
    // the adapter for its stream builds a WHATWG Request around it: 6 % of a list-groups
    // request's CPU (profile, issue 14), for a body that is not there. Not async on that path:
    // an async middleware is a promise and a turn of the microtask queue for every request.
    if (
      (c.req.method === 'GET' || c.req.method === 'HEAD') &&
      c.req.header('content-length') === undefined &&
      c.req.header('transfer-encoding') === undefined
    ) {
      return next();
    }
    return readBody(c, next, maxBytes);
  };
}

/** The body of a request that may have one, read up to `maxBytes`. */
async function readBody(c: AppContext, next: Next, maxBytes: number): Promise<void> {
  const stream = c.req.raw.body;
  if (!stream) return next();
  const declared = c.req.header('content-length');
  if (declared !== undefined && Number(declared) > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      // The client went away or sent a broken chunked body: nobody to answer, nothing to log.
      throw invalidParam('body');
    });
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  c.set('body', Buffer.concat(chunks, size).toString('utf8'));
  await next();
}

function tooLarge(): ApiError {
  return new ApiError(413, 'payloadTooLarge', { headers: { connection: 'close' } });
}
