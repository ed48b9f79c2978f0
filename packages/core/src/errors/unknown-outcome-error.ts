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

/**
 * Node's fetch says why a connection failed (`cause.code`): these codes mean no byte of the
 * request left, so the server cannot have acted on it. Browsers do not say; there a lost write
 * stays an unknown outcome.
 */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/**
 * What a call that is not repeatable throws when its reply was lost (a transport's `lostReply`):
 * an {@link UnknownOutcomeError} wrapping `error`, or `error` itself when the connection failed
 * before anything was sent (`cause`, the runtime's error, says so).
 */
export function unknownOutcome(endpoint: string, lost: LostReply, error: Error, cause: unknown): Error {
  return neverSent(cause) ? error : new UnknownOutcomeError(endpoint, lost, error);
}

function neverSent(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause ?? error) : error;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? cause.code : undefined;
  return typeof code === 'string' && NOT_SENT.has(code);
}
