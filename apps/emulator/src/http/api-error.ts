import type { MessageKey } from './messages.ts';

/** What an {@link ApiError} carries besides its status and message. */
export interface ApiErrorDetails {
  /** Fine-grained code (2020, 1300-1306, 2004...); the contract gives none for most errors. */
  readonly apiCode?: number;
  /** Values of the message's `{name}` placeholders. */
  readonly values?: Readonly<Record<string, string>>;
  /** Extra reply headers, e.g. `Retry-After`. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * A failure that becomes an error envelope: thrown by handlers and middleware, turned into
 * `{ statusCode, message, apiCode, requestId }` in the request's language by the app's error handler.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  /** The envelope's `statusCode`, an HTTP-like class (contract 3.3). */
  readonly statusCode: number;
  /** Which message, localised when the reply is written. */
  readonly key: MessageKey;
  readonly details: ApiErrorDetails;

  constructor(statusCode: number, key: MessageKey, details: ApiErrorDetails = {}) {
    super(key);
    this.statusCode = statusCode;
    this.key = key;
    this.details = details;
  }
}

/** A parameter or body field that does not have the expected form: 400 `参数 <name> 格式错误`. */
export function invalidParam(name: string): ApiError {
  return new ApiError(400, 'invalidParam', { values: { name } });
}

/** No valid credentials: 401 with apiCode 2020 (contract 3.4). */
export function unauthorized(): ApiError {
  return new ApiError(401, 'unauthorized', { apiCode: 2020 });
}
