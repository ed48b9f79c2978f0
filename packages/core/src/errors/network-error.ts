import { GenAuthError } from './genauth-error.ts';

/**
 * No usable reply arrived: the connection was refused, dropped or cut off mid-body, after the
 * retries the client allows. `cause` holds the runtime's own error.
 */
export class NetworkError extends GenAuthError {
  override readonly name = 'NetworkError';

  constructor(endpoint: string, cause: unknown) {
    super(`${endpoint}: network error${describe(cause)}`, endpoint, { cause });
  }
}

function describe(cause: unknown): string {
  return cause instanceof Error && cause.message ? ` (${cause.message})` : '';
}

/** Whether `error` is a {@link NetworkError} (checks `name`, so it works across realms and package copies). */
export function isNetworkError(error: unknown): error is NetworkError {
  return error instanceof Error && error.name === 'NetworkError' && 'endpoint' in error;
}
