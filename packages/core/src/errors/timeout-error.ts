import { GenAuthError } from './genauth-error.ts';

/** The server did not answer within the client's `timeout` (per attempt; timeouts are not retried). */
export class TimeoutError extends GenAuthError {
  override readonly name = 'TimeoutError';

  /** The timeout that ran out, in milliseconds. */
  declare readonly timeout: number;

  constructor(endpoint: string, timeout: number) {
    super(`${endpoint}: no reply within ${timeout} ms`, endpoint);
    this.timeout = timeout;
  }
}

/** Whether `error` is a {@link TimeoutError} (checks `name`, so it works across realms and package copies). */
export function isTimeoutError(error: unknown): error is TimeoutError {
  return error instanceof Error && error.name === 'TimeoutError' && 'endpoint' in error;
}
