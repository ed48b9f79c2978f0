import { GenAuthError } from './genauth-error.ts';

/** How the reply of a write was lost. */
export type LostReply = 'network' | 'timeout' | 'unreadable-reply';

/**
 * A write was sent but its reply was lost (the connection dropped, the reply was cut off or
 * unreadable, or no reply came within `timeout`): the server may or may not have applied it.
 * Writes are never sent twice behind the caller's back; read the state (e.g. `getGroup`) before
 * deciding to send it again. `cause` holds what was seen.
 *
 * @example
 * try {
 *   await client.createGroup({ code: 'ops', name: 'Ops', description: '', type: 'static' });
 * } catch (error) {
 *   if (isUnknownOutcomeError(error)) await client.getGroup({ code: 'ops' }); // did it happen?
 * }
 */
export class UnknownOutcomeError extends GenAuthError {
  override readonly name = 'UnknownOutcomeError';

  /** How the reply was lost. */
  readonly lost: LostReply;

  constructor(endpoint: string, lost: LostReply, cause: unknown) {
    super(`${endpoint}: the reply was lost (${lost}); the call may or may not have taken effect`, endpoint, {
      cause,
    });
    this.lost = lost;
  }
}

/** Whether `error` is an {@link UnknownOutcomeError} (checks `name`, so it works across realms and package copies). */
export function isUnknownOutcomeError(error: unknown): error is UnknownOutcomeError {
  return error instanceof Error && error.name === 'UnknownOutcomeError' && 'endpoint' in error;
}
