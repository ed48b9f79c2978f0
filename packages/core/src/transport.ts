import { type Endpoint, ErrorRespDto, parse, ValidationError, validationIssue } from '@genauth-groups/models';
// ky 1.x, not 2.x: ky 2 alone is 9 KB min+gzip, which leaves no room for validation under the
// browser SDK's budget; ky 1.14 is 5 KB and has every feature used here (measured in
// packages/sdk/scripts/size.ts).
import ky, {
  type AfterResponseHook,
  type Hooks,
  isHTTPError,
  isTimeoutError as isKyTimeoutError,
  type KyInstance,
  type RetryOptions,
} from 'ky';
import type * as v from 'valibot';
import { ApiError } from './errors/api-error.ts';
import { NetworkError } from './errors/network-error.ts';
import { TimeoutError } from './errors/timeout-error.ts';
import type { LostReply } from './errors/unknown-outcome-error.ts';
import { BODY_TIMED_OUT, BODY_TOO_LARGE, readBody } from './read-body.ts';
import { retryAfterMs } from './retry-after.ts';

/** Per-attempt timeout of the official SDKs (contract section 11). */
export const DEFAULT_TIMEOUT = 10_000;

/**
 * The longest reply body a client takes, in bytes: 64 MiB. The API's largest replies are lists
 * that are not paged (`get-all-groups` of 100 000 groups of the emulator's kind, 164 bytes each,
 * is 16 MiB); a body past this is from something else (a broken proxy, a hostile server) and
 * would only fill the memory of a browser tab or an editor.
 */
export const DEFAULT_MAX_REPLY_BYTES = 67_108_864;

/**
 * Retries for calls that are safe to repeat (GET, and those marked `repeatable`): network errors, HTTP 408/429/5xx, and replies whose body
 * says 429 or 5xx (GenAuth reports errors with HTTP 200). `Retry-After` is honoured (on 413, 429
 * and 503, ky's default `afterStatusCodes`, and on body-level 429 and 5xx), capped at
 * `maxRetryAfter`; otherwise the delay grows 300 ms, 600 ms... up to `backoffLimit`, with jitter so
 * that many clients do not retry in step. Timeouts are not retried: each would cost a full
 * `timeout` again.
 */
export const DEFAULT_RETRY = {
  limit: 2,
  statusCodes: [408, 429, 500, 502, 503, 504],
  maxRetryAfter: 30_000,
  backoffLimit: 5_000,
  jitter: true,
  // ky 1 would retry any error thrown while sending, ours included (a refused management token,
  // say): only HTTP errors, timeouts and failed connections go on to its retry rules.
  shouldRetry: ({ error }) =>
    isHTTPError(error) || isKyTimeoutError(error) || error instanceof TypeError ? undefined : false,
} as const satisfies RetryOptions;

/** How a client talks to one GenAuth host. */
export interface TransportOptions {
  /** Absolute base URL, as {@link normalizeHost} returns it. */
  readonly baseUrl: string;
  /** Headers sent on every request (app id, language...). Never the credentials: see `authorize`. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Puts the credentials on a request. Runs before each attempt, retries included, so that a
   * signature gets a fresh date and nonce and a refreshed token is used.
   */
  readonly authorize?: (request: Request) => void | Promise<void>;
  /**
   * Per-attempt timeout in milliseconds: for the reply's head, then again for its body (a body
   * that stalls is a `TimeoutError` too). @default 10000
   */
  readonly timeout?: number | undefined;
  /**
   * The longest reply body taken, in bytes: a longer one is cancelled once it passes this and
   * fails the call with a `ValidationError`, not retried. An HTTP error's longer body is
   * dropped, and its status speaks. @default {@link DEFAULT_MAX_REPLY_BYTES}
   */
  readonly maxReplyBytes?: number | undefined;
  /** Retry limit, or ky retry options merged over {@link DEFAULT_RETRY}. @default 2 */
  readonly retry?: number | RetryOptions | undefined;
  /** The `fetch` to use. @default globalThis.fetch */
  readonly fetch?: typeof fetch | undefined;
  /** ky hooks, run after the transport's own. */
  readonly hooks?: Hooks | undefined;
  /**
   * How a successful reply is validated: `parse` of `@genauth-groups/models`, or its `parseFast`,
   * which is several times faster on large valid pages and adds about 0.5 KB min+gzip to a bundle
   * (the browser SDK, with one small reply, keeps the default).
   * @default parse
   */
  readonly parseReply?: typeof parse | undefined;
}

/**
 * {@link TransportOptions} without what {@link createTransport} adds for the management client
 * (credentials put on each attempt, parameters, unknown outcomes): a client whose calls are all
 * repeatable and take no parameters (the browser SDK's one GET, its token a header of the call)
 * creates its transport with {@link createBaseTransport} and leaves them out of its bundle.
 */
export interface BaseTransportOptions extends Omit<TransportOptions, 'authorize'> {
  /**
   * Checks a call's parameters and puts them on the request ({@link encodeParams}). Without it,
   * calling an endpoint that takes parameters is a `TypeError`.
   */
  readonly encodeParams?: ParamsEncoder | undefined;
  /**
   * What a call that is not repeatable throws when its reply is lost ({@link unknownOutcome}).
   * Without it, the error as it is: a `TimeoutError`, `NetworkError` or `ValidationError`.
   */
  readonly lostReply?: LostReplyHandler | undefined;
}

/** An endpoint's validated parameters, as ky request options: a query string, or a JSON body. */
export type EncodedParams = { readonly searchParams: string } | { readonly json: unknown };

/**
 * Checks `params` against the endpoint's schema, throwing a `ValidationError` that names the call
 * (`name`) before any request, and encodes them.
 */
export type ParamsEncoder = (endpoint: Endpoint, params: unknown, name: string) => EncodedParams;

/**
 * What a call that is not repeatable throws instead of `error` when its reply was lost; `cause`
 * is what the runtime threw when the connection failed (undefined when a reply came but could
 * not be read).
 */
export type LostReplyHandler = (endpoint: string, lost: LostReply, error: Error, cause: unknown) => Error;

/** The parameters a caller passes for an endpoint. */
export type ParamsOf<TEndpoint extends Endpoint> = TEndpoint['params'] extends v.GenericSchema
  ? v.InferInput<TEndpoint['params']>
  : undefined;

/** The validated reply of an endpoint. */
export type ReplyOf<TEndpoint extends Endpoint> = v.InferOutput<TEndpoint['response']>;

/** Options of one call. */
export interface CallOptions {
  /** The method name, for error messages, e.g. `listGroups`. */
  readonly name: string;
  /** Cancels the call, retries included. */
  readonly signal?: AbortSignal | undefined;
  /**
   * Whether sending the call twice does no harm, so that it is retried (a read sent as POST, the
   * management token exchange). A call that is not repeatable is sent once, and a lost reply
   * is an `UnknownOutcomeError`.
   * @default true for GET, false otherwise
   */
  readonly repeatable?: boolean | undefined;
  /** Headers of this call only, on every attempt (a credential resolved for this call, say). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

/** Sends validated calls to one host and returns validated replies. */
export interface Transport {
  /**
   * Checks `params` against the endpoint's schema (throwing `ValidationError` before any request),
   * sends the call with retries, and returns the reply validated against the endpoint's schema.
   *
   * @throws {ValidationError} invalid parameters, or a reply that is not the documented JSON.
   * @throws {ApiError} a reply whose `statusCode` is not 200, or an HTTP error status.
   * @throws {NetworkError} no usable reply, after retries.
   * @throws {TimeoutError} no reply within `timeout`.
   * @throws {UnknownOutcomeError} a call that is not repeatable was sent and its reply lost.
   */
  call<TEndpoint extends Endpoint>(
    endpoint: TEndpoint,
    params: ParamsOf<TEndpoint>,
    options: CallOptions,
  ): Promise<ReplyOf<TEndpoint>>;
}

/** What the response hook learnt of the final reply, for `call` to use without reading it twice. */
interface ReplySlot {
  /** Whether the hook may ask for a retry (set by `call`). */
  readonly repeatable: boolean;
  /** How long the body may take once the head is in, in ms (the per-attempt timeout). */
  readonly timeout: number;
  /** The longest body taken, in bytes. */
  readonly maxBytes: number;
  /** The call, as `METHOD /path`, for the errors. */
  readonly where: string;
  body?: unknown;
  /** Why the body of the last attempt could not be used: the error, and how the reply was lost. */
  unreadable?: [error: Error, lost: LostReply] | undefined;
}

/**
 * Creates the transport of one client, without parameter encoding and unknown outcomes unless
 * given: {@link createTransport} is this with both.
 */
export function createBaseTransport(options: BaseTransportOptions): Transport {
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const {
    encodeParams,
    lostReply,
    parseReply = parse,
    maxReplyBytes: maxBytes = DEFAULT_MAX_REPLY_BYTES,
  } = options;
  const retry: RetryOptions = {
    ...DEFAULT_RETRY,
    ...(typeof options.retry === 'number' ? { limit: options.retry } : options.retry),
  };
  const api: KyInstance = ky.create({
    prefixUrl: options.baseUrl,
    timeout,
    headers: { accept: 'application/json', ...options.headers },
    // Not followed: the API does not redirect, and fetch would send a 307's body (the access key
    // secret of the token exchange) on to wherever it points. A redirect is an ApiError of its
    // status; in a browser, an opaque one (status 0).
    redirect: 'manual',
    ...(options.fetch && { fetch: options.fetch }),
    hooks: { ...options.hooks, afterResponse: [readReply, ...(options.hooks?.afterResponse ?? [])] },
  });

  return {
    async call(endpoint, params, { name, signal, headers, repeatable = endpoint.method === 'GET' }) {
      const where = `${endpoint.method} ${endpoint.path}`;
      const lost: Lost = (error, kind, cause) =>
        repeatable || !lostReply ? error : lostReply(where, kind, error, cause);
      if (endpoint.params && !encodeParams)
        throw new TypeError(`${name}: this transport has no encodeParams`);
      const encoded = endpoint.params && encodeParams?.(endpoint, params, name);
      // The query goes in the URL as it is: given as `searchParams`, ky builds the Request twice.
      const { searchParams = '', ...body }: { searchParams?: string; json?: unknown } = encoded ?? {};
      const slot: ReplySlot = { repeatable, timeout, maxBytes, where };
      let response: Response;
      try {
        response = await api(endpoint.path.slice(1) + (searchParams && `?${searchParams}`), {
          method: endpoint.method,
          ...body,
          // Whole, with each call: ky would merge per-call `methods` into the instance's.
          retry: { ...retry, methods: repeatable ? [endpoint.method.toLowerCase()] : [] },
          ...(signal && { signal }),
          ...(headers && { headers }),
          context: { slot },
        });
      } catch (error) {
        throw await toClientError(error, where, timeout, lost);
      }
      // The hook read a clone of the body; this copy is not needed. A body cut off mid-way
      // rejects here as well (`TypeError: terminated`): the hook has recorded it in the slot.
      // Not awaited: the cancel of a copy settles only once every copy of the body is cancelled,
      // and a caller's `fetch` may keep one (to log it, say) until the call is over.
      response.body?.cancel().catch(() => undefined);
      if (slot.unreadable) throw lost(...slot.unreadable);
      const statusCode = statusCodeOf(slot.body);
      if (statusCode !== 200) {
        throw apiError(where, response, parse(ErrorRespDto, slot.body, `${where} reply`));
      }
      return parseReply(endpoint.response, slot.body, `${where} reply`);
    },
  };
}

/**
 * Reads every reply once: the body of a successful one goes to the call's slot, and a repeatable
 * call is retried when the body says 429 or 5xx or cannot be read (cut off, or not JSON). On the
 * last attempt nothing is retried, so `call` reports what the server said instead of a retry error.
 */
const readReply: AfterResponseHook = async (_request, options, response, { retryCount }) => {
  const slot = (options.context as { slot?: ReplySlot }).slot;
  if (!slot) return;
  // A redirect (not followed) is read as an error; the opaque one of a browser (status 0) has no body.
  if (!response.ok) return response.status >= 300 ? readErrorReply(response, slot) : undefined;
  const canRetry = slot.repeatable && retryCount < (options.retry.limit ?? 0);
  let text: Awaited<ReturnType<typeof readBody>>;
  try {
    text = await readBody(response, slot.timeout, slot.maxBytes);
  } catch (cause) {
    slot.unreadable = [new NetworkError(slot.where, cause), 'unreadable-reply'];
    return canRetry ? ky.retry({ code: 'BODY_CUT_OFF' }) : undefined;
  }
  // Neither is retried, as a head that does not come in time is not: each would cost a full
  // timeout, or as many bytes again.
  if (text === BODY_TIMED_OUT) {
    slot.unreadable = [new TimeoutError(slot.where, slot.timeout), 'timeout'];
    return undefined;
  }
  if (text === BODY_TOO_LARGE) {
    slot.unreadable = [
      new ValidationError(`${slot.where} reply`, [
        validationIssue('', `a body of at most ${slot.maxBytes} bytes`),
      ]),
      'unreadable-reply',
    ];
    return undefined;
  }
  try {
    slot.body = JSON.parse(text);
    delete slot.unreadable;
  } catch {
    slot.unreadable = [
      new ValidationError(`${slot.where} reply`, [validationIssue('', 'a JSON body')]),
      'unreadable-reply',
    ];
    return canRetry ? ky.retry({ code: 'BODY_NOT_JSON' }) : undefined;
  }
  const statusCode = statusCodeOf(slot.body);
  if (canRetry && (statusCode === 429 || statusCode >= 500)) {
    const delay = retryAfterMs(response.headers.get('retry-after'));
    return ky.retry({
      code: `BODY_STATUS_${statusCode}`,
      ...(delay !== undefined && { delay: Math.min(delay, options.retry.maxRetryAfter ?? delay) }),
    });
  }
  return undefined;
};

/**
 * An HTTP error or redirect reply, read now into a copy for ky to keep. ky hands hooks a clone, a tee of the
 * body: when ky retries an error reply, nobody reads the original's branch, so the connection stays
 * held until the call's signal aborts (a paging walk aborts its signal when it ends), and Node 22's
 * fetch then rejects that branch with no handler. Returning a copy makes ky cancel the original.
 * The body is read as a successful one is, within the timeout and the size: a body that stalls,
 * breaks off or goes on too long is dropped, and the status speaks (and is retried as it says).
 */
async function readErrorReply(response: Response, { timeout, maxBytes }: ReplySlot): Promise<Response> {
  const read = await readBody(response, timeout, maxBytes).catch(() => '');
  const text = typeof read === 'string' ? read : '';
  const { status, statusText, headers } = response;
  // No body at all for a 304, which may not have one.
  return new Response(text || null, { status, statusText, headers });
}

/** {@link LostReplyHandler} for one call: the error as it is when the call is repeatable. */
type Lost = (error: Error, lost: LostReply, cause?: unknown) => Error;

/**
 * The business status a reply's body gives, or 200 when it gives none: such a body is not an
 * error reply, and the reply schema then says what is wrong with it.
 */
function statusCodeOf(body: unknown): number {
  const statusCode = (body as { statusCode?: unknown } | null | undefined)?.statusCode;
  return typeof statusCode === 'number' ? statusCode : 200;
}

/** The error of a reply that says no: in its body (`envelope`), or only by its HTTP status. */
function apiError(
  endpoint: string,
  { status, statusText, headers }: Response,
  envelope?: ErrorRespDto,
): ApiError {
  // In seconds, as `ApiError.retryAfter` gives them.
  const retryAfter = retryAfterMs(headers.get('retry-after'));
  return new ApiError({
    endpoint,
    statusCode: envelope?.statusCode ?? status,
    serverMessage: envelope?.message ?? `HTTP ${status} ${statusText}`.trim(),
    apiCode: envelope?.apiCode ?? undefined,
    requestId: envelope?.requestId ?? undefined,
    httpStatus: status,
    retryAfter: retryAfter && retryAfter / 1000,
  });
}

/**
 * ky's errors hold the request (and so its credentials): each becomes one of ours, which does not.
 * A call that is not repeatable and got no reply goes through `lost`.
 */
async function toClientError(
  error: unknown,
  endpoint: string,
  timeout: number,
  lost: Lost,
): Promise<unknown> {
  if (isHTTPError(error)) {
    // A body that is not the error envelope leaves the HTTP status to speak.
    const envelope = await error.response
      .json()
      .then((body) => parse(ErrorRespDto, body))
      .catch(() => undefined);
    return apiError(endpoint, error.response, envelope);
  }
  if (isKyTimeoutError(error)) return lost(new TimeoutError(endpoint, timeout), 'timeout');
  // fetch reports a failed connection as a TypeError ("fetch failed", "Failed to fetch"...), and
  // ky 1 passes it on as it is; our own TypeErrors are thrown before ky is called.
  if (error instanceof TypeError)
    return lost(new NetworkError(endpoint, error.cause ?? error), 'network', error);
  return error;
}
