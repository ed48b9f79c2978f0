import { isUnknownOutcomeError } from '@genauth-groups/management';
import { MissingSecretError } from './error-info.ts';

/** A write was asked of a connection whose read-only switch is on. */
export class ReadOnlyError extends Error {
  override readonly name = 'ReadOnlyError';
  constructor(label: string) {
    super(`The connection ${label} is read-only: turn its read-only switch off to make changes.`);
  }
}

/** Whether a write may have happened although it failed: its reply was lost on the way back. */
export function outcomeUnknown(error: unknown): boolean {
  return isUnknownOutcomeError(error);
}

/**
 * Whether, after a failed write, the tree may no longer match the server: anything but a write
 * refused before it was sent. The lost reply (the write may have happened), the group someone
 * else deleted meanwhile, the member someone else removed: the lists involved load again.
 */
export function treeMayBeStale(error: unknown): boolean {
  return !(error instanceof ReadOnlyError || error instanceof MissingSecretError);
}
