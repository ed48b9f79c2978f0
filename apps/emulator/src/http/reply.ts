import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError } from './api-error.ts';
import type { AppContext } from './context.ts';
import { message } from './messages.ts';

/**
 * A page whose items are JSON text already (the store's reply columns, `store/reply-json.ts`):
 * {@link ok} puts them in the reply as they are, where `JSON.stringify` of the page would have
 * put each item's JSON. `TItem` is what each text stands for, so that a handler returns one only
 * where its endpoint's `data` is a page of `TItem`.
 */
export class JsonPage<TItem> {
  readonly totalCount: number;
  readonly items: readonly string[];
  declare readonly item?: TItem;

  constructor(totalCount: number, items: readonly string[]) {
    this.totalCount = totalCount;
    this.items = items;
  }
}

/** A successful reply: HTTP 200 and the envelope around `data` (contract 3.1). */
export function ok(c: AppContext, data: unknown): Response {
  if (data instanceof JsonPage) {
    // The bytes of `c.json` for `{ totalCount, list }`: `reply.test.ts` compares them.
    return c.body(
      `{"statusCode":200,"message":"","data":{"totalCount":${data.totalCount},"list":[${data.items.join(',')}]}}`,
      200,
      { 'Content-Type': 'application/json' },
    );
  }
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
