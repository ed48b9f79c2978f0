import { randomUUID } from 'node:crypto';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError } from './api-error.ts';
import type { AppContext } from './context.ts';
import { langOf, message } from './messages.ts';

/**
 * A page whose items are JSON text already (the store's reply columns, `store/reply-json.ts`):
 * {@link ok} puts them in the reply as they are, where `JSON.stringify` of the page would have
 * put each item's JSON. `TItem` is what each text stands for, so that a handler returns one only
 * where its endpoint's `data` is a page of `TItem`.
 */
export class JsonPage<TItem> {
  readonly totalCount: number;
  /** The items' JSON texts, joined by commas: the list without its brackets. */
  readonly items: string;
  /** The length of `items` in UTF-8 bytes, which the store knows without scanning them. */
  readonly bytes: number;
  declare readonly item?: TItem;

  constructor(totalCount: number, items: string, bytes: number) {
    this.totalCount = totalCount;
    this.items = items;
    this.bytes = bytes;
  }
}

const JSON_HEADERS = { 'Content-Type': 'application/json' } as const;

/** What follows a {@link JsonPage}'s items in its envelope. */
const PAGE_END = ']}}';

/**
 * A successful reply: HTTP 200 and the envelope around `data` (contract 3.1).
 *
 * On the Node server it goes straight to the socket, with the head `c.json` would give (type
 * and length): hono's `c.json` builds a WHATWG `Response` whose body the Node adapter then reads
 * back as a stream, a tenth of a list-groups request's CPU (profile, issue 14). A request whose
 * reply a middleware reads or changes afterwards (`replyAsResponse`) gets the `Response`.
 */
export function ok(c: AppContext, data: unknown): Response {
  let body: string;
  let bytes: number;
  if (data instanceof JsonPage) {
    // The bytes of `JSON.stringify` for `{ totalCount, list }`: `reply.test.ts` compares them.
    // Around the items, the envelope is ASCII: one byte a character.
    const start = `{"statusCode":200,"message":"","data":{"totalCount":${data.totalCount},"list":[`;
    body = `${start}${data.items}${PAGE_END}`;
    bytes = start.length + data.bytes + PAGE_END.length;
  } else {
    body = JSON.stringify({ statusCode: 200, message: '', data });
    bytes = Buffer.byteLength(body);
  }
  const outgoing = c.env?.outgoing;
  if (!outgoing || c.get('replyAsResponse')) return c.body(body, 200, JSON_HEADERS);
  outgoing.writeHead(200, { ...JSON_HEADERS, 'Content-Length': bytes });
  // A string written as UTF-8 gets a buffer of three bytes a character from Node's stream code
  // (25 KiB for an 8 KiB list-groups page, 156 KiB for a members page, zeroed, every request),
  // and one of more than 16 KiB is copied off the stack path that tries to write at once. As
  // Latin-1 it gets one byte a character, and for ASCII text those are the UTF-8 bytes: one
  // byte a character is what the byte count says.
  outgoing.end(body, bytes === body.length ? 'latin1' : 'utf8');
  return RESPONSE_ALREADY_SENT;
}

/**
 * The error envelope of `error`, in the request's language (`x-authing-lang`) and with a new
 * request id (contract 3.1: no `data`, a `requestId`). Both are made here, for the requests
 * that fail, rather than for every request.
 */
export function errorEnvelope(c: AppContext, error: ApiError): Record<string, unknown> {
  return {
    statusCode: error.statusCode,
    message: message(error.key, langOf(c.req.header('x-authing-lang')), error.details.values),
    ...(error.details.apiCode === undefined ? {} : { apiCode: error.details.apiCode }),
    requestId: randomUUID(),
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
