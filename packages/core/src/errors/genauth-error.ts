/**
 * The base of the errors a genauth-groups client throws for a failed call: {@link ApiError},
 * {@link NetworkError}, {@link TimeoutError} and {@link UnknownOutcomeError}. (Invalid parameters and malformed replies throw
 * `ValidationError` from `@genauth-groups/models`.)
 *
 * No error carries the request: its headers hold the access token or the request signature.
 */
export abstract class GenAuthError extends Error {
  /** The call that failed, as `METHOD /path` (no host, no query), e.g. `GET /api/v3/list-groups`. */
  declare readonly endpoint: string;

  constructor(message: string, endpoint: string, options?: ErrorOptions) {
    super(message, options);
    this.endpoint = endpoint;
  }
}

const NAMES = new Set(['ApiError', 'NetworkError', 'TimeoutError', 'UnknownOutcomeError']);

/** Whether `error` is one of the errors a genauth-groups client throws for a failed call (checks `name`, so it works across realms). */
export function isGenAuthError(error: unknown): error is GenAuthError {
  return error instanceof Error && NAMES.has(error.name) && 'endpoint' in error;
}
