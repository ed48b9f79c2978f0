import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError } from './api-error.ts';
import type { AppContext } from './context.ts';
import { message } from './messages.ts';

/** A successful reply: HTTP 200 and the envelope around `data` (contract 3.1). */
export function ok(c: AppContext, data: unknown): Response {
  return c.json({ statusCode: 200, message: '', data });
}

/** The error envelope of `error`, in the request's language (contract 3.1: no `data`, a `requestId`). */
export function errorEnvelope(c: AppContext, error: ApiError): Record<string, unknown> {
  return {
    statusCode: error.statusCode,
    message: message(error.key, c.get('lang'), error.details.values),
    ...(error.details.apiCode === undefined ? {} : { apiCode: error.details.apiCode }),
    requestId: c.get('requestId'),
  };
}

/**
 * An error reply: HTTP 200 with the envelope, as GenAuth answers (contract 3.2), or, with
 * `httpStatus`, the envelope's `statusCode` as the HTTP status too.
 */
export function errorReply(c: AppContext, error: ApiError, httpStatus: boolean): Response {
  for (const [name, value] of Object.entries(error.details.headers ?? {})) c.header(name, value);
  return c.json(errorEnvelope(c, error), httpStatus ? (error.statusCode as ContentfulStatusCode) : 200);
}
