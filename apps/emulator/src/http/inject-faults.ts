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
  if (fault.type === 'truncated-body') {
    c.set('replyAsResponse', true);
    await next();
    c.res = await truncate(c, c.res);
    return;
  }
  return reply(c, fault);
}

function reply(c: AppContext, fault: Exclude<ResolvedFault, { type: 'truncated-body' }>): Response {
  switch (fault.type) {
    case 'http-error':
      return c.json(errorEnvelope(c, new ApiError(fault.status, SERVER_ERRORS[fault.status])), fault.status);
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
  }
}

/** Sends the head and half the body of `response`, announcing its full length, then closes the connection. */
async function truncate(c: AppContext, response: Response): Promise<Response> {
  const body = Buffer.from(await response.arrayBuffer());
  const { outgoing } = c.env;
  outgoing.writeHead(response.status, {
    ...Object.fromEntries(response.headers),
    'content-length': String(body.length),
  });
  outgoing.write(body.subarray(0, Math.floor(body.length / 2)), () => outgoing.socket?.destroy());
  return RESPONSE_ALREADY_SENT;
}
