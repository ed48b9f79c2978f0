import { GenAuthError } from './genauth-error.ts';

/** What the server said about a failed call. */
export interface ApiErrorDetails {
  /** The call, as `METHOD /path`. */
  readonly endpoint: string;
  /** Business status from the reply body (401, 404, 429, 500...), or the HTTP status when the body had none. */
  readonly statusCode: number;
  /** The server's message, as sent (localised per `lang`). */
  readonly serverMessage: string;
  /** Fine-grained error code, e.g. 2020 (not signed in), 1300-1306 (signature). */
  readonly apiCode?: number | undefined;
  /** The server's request id, for support. */
  readonly requestId?: string | undefined;
  /** HTTP status of the reply: usually 200, since GenAuth reports errors in the body. */
  readonly httpStatus: number;
  /** Seconds the server asked to wait before retrying (`Retry-After`), when it said. */
  readonly retryAfter?: number | undefined;
}

/**
 * The server answered, and said no: a reply whose body has a `statusCode` other than 200 (GenAuth
 * answers most errors with HTTP 200), or a non-2xx HTTP status once retries are exhausted.
 *
 * @example
 * try {
 *   await client.getGroupList();
 * } catch (error) {
 *   if (isApiError(error) && error.apiCode === 2020) signInAgain();
 * }
 */
export class ApiError extends GenAuthError implements ApiErrorDetails {
  override readonly name = 'ApiError';
  // Declared, not defined: the constructor sets them all (a class field would cost each its
  // initialiser in every browser bundle).
  declare readonly statusCode: number;
  declare readonly serverMessage: string;
  declare readonly apiCode: number | undefined;
  declare readonly requestId: string | undefined;
  declare readonly httpStatus: number;
  declare readonly retryAfter: number | undefined;

  constructor(details: ApiErrorDetails) {
    const { endpoint, statusCode, serverMessage, apiCode } = details;
    super(
      `${endpoint}: ${serverMessage} (statusCode ${statusCode}${apiCode === undefined ? '' : `, apiCode ${apiCode}`})`,
      endpoint,
    );
    Object.assign(this, details);
  }
}

/** Whether `error` is an {@link ApiError} (checks `name`, so it works across realms and package copies). */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof Error && error.name === 'ApiError';
}
