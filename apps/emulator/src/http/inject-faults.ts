import { setTimeout as delay } from 'node:timers/promises';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { MiddlewareHandler, Next } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Faults, ResolvedFault } from '../faults.ts';
import { ApiError } from './api-error.ts';
import type { AppContext, AppEnv } from './context.ts';
import type { MessageKey } from './messages.ts';
import { errorEnvelope } from './reply.ts';

/** What a gateway in front of the service might answer instead of JSON. */
const MALFORMED_BODY =
  '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';

const SERVER_ERRORS: Readonly<Record<500 | 502 | 503, MessageKey>> = {
  500: 'unknownError',
  502: 'badGateway',
  503: 'serviceUnavailable',
};

/**
 * Applies the fault controller's decision to each request: latency first, then the fault, if any.
 * Paths under `skip` (the control endpoints) and CORS preflights are never touched.
 */
export function injectFaults(faults: Faults, skip: string): MiddlewareHandler<AppEnv> {
  // Not async when there is nothing to inject: an async middleware is a promise and a turn of
  // the microtask queue for every request.
  return (c, next) => {
    if (c.req.method === 'OPTIONS' || c.req.path.startsWith(skip)) return next();
    const { latencyMs, fault } = faults.decide(c.req.path);
    if (latencyMs === 0 && !fault) return next();
    return inject(c, next, latencyMs, fault);
  };
}

async function inject(
  c: AppContext,
  next: Next,
  latencyMs: number,
  fault: ResolvedFault | undefined,
): Promise<Response | undefined> {
  if (latencyMs > 0) await delay(latencyMs);
  if (!fault) {
    await next();
    return;
  }
  if (fault.type === 'truncated-body' || fault.type === 'stalled-body') {
    const then = fault.type === 'truncated-body' ? 'close' : 'stall';
    if (fault.type === 'stalled-body' && fault.status) return sendHalf(c, serverError(c, fault.status), then);
    // The real reply: the request is processed (a write is committed).
    c.set('replyAsResponse', true);
    await next();
    c.res = await sendHalf(c, c.res, then);
    return;
  }
  return reply(c, fault);
}

function reply(
  c: AppContext,
  fault: Exclude<ResolvedFault, { type: 'truncated-body' | 'stalled-body' }>,
): Response {
  switch (fault.type) {
    case 'http-error':
      return serverError(c, fault.status);
    case 'envelope-error':
      return c.json(errorEnvelope(c, new ApiError(fault.statusCode, SERVER_ERRORS[fault.statusCode])));
    case 'rate-limit': {
      c.header('Retry-After', String(fault.retryAfterSeconds));
      const status: ContentfulStatusCode = fault.level === 'http' ? 429 : 200;
      return c.json(errorEnvelope(c, new ApiError(429, 'rateLimited')), status);
    }
    case 'malformed-body':
      return c.body(MALFORMED_BODY, 200, { 'content-type': 'application/json; charset=UTF-8' });
    case 'drop-connection':
      c.env.incoming.socket.destroy();
      return RESPONSE_ALREADY_SENT;
    case 'endless-body':
      return sendEndlessly(c);
  }
}

/** A real HTTP 5xx with the error envelope of its status (`http-error`, a stalled `stalled-body`). */
function serverError(c: AppContext, status: keyof typeof SERVER_ERRORS): Response {
  return c.json(errorEnvelope(c, new ApiError(status, SERVER_ERRORS[status])), status);
}

/**
 * Sends the head of `response`, announcing its full length, and the first half of its body; then
 * closes the connection (`truncated-body`) or leaves it open and silent (`stalled-body`: the
 * client's time-out ends it, or the emulator's `close()`).
 */
async function sendHalf(c: AppContext, response: Response, then: 'close' | 'stall'): Promise<Response> {
  const body = Buffer.from(await response.arrayBuffer());
  const { outgoing } = c.env;
  outgoing.writeHead(response.status, {
    ...Object.fromEntries(response.headers),
    'content-length': String(body.length),
  });
  const half = body.subarray(0, Math.floor(body.length / 2));
  if (then === 'close') outgoing.write(half, () => outgoing.socket?.destroy());
  else outgoing.write(half);
  return RESPONSE_ALREADY_SENT;
}

/** What `endless-body` repeats after the envelope's start: 64 KiB of spaces, valid JSON whitespace. */
const ENDLESS_CHUNK = new Uint8Array(64 * 1024).fill(0x20);

/**
 * HTTP 200 and a body that goes on as long as the client reads it (no length: chunked). A pulled
 * stream, so that the emulator makes a chunk only when the socket has taken the last one, and
 * stops when the client hangs up; a `Response`, so that it has the headers of any other reply
 * (CORS on the authentication side).
 */
function sendEndlessly(c: AppContext): Response {
  let chunk = new TextEncoder().encode('{"statusCode":200,"message":"","data":');
  const body = new ReadableStream<Uint8Array>(
    {
      pull: (controller) => {
        controller.enqueue(chunk);
        chunk = ENDLESS_CHUNK;
      },
    },
    { highWaterMark: 0 },
  );
  return c.body(body, 200, { 'content-type': 'application/json; charset=UTF-8' });
}
