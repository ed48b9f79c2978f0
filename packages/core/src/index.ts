/**
 * The HTTP layer that `@genauth-groups/sdk` and `@genauth-groups/management` share: a ky
 * transport that validates parameters and replies with `@genauth-groups/models`, retries what is
 * safe to retry, and turns every failure into one of a few typed errors that never carry
 * credentials.
 *
 * @module
 */

export { isValidationError, ValidationError, type ValidationIssue } from '@genauth-groups/models';
export type { Hooks, RetryOptions } from 'ky';
export { createTransport } from './create-transport.ts';
export { ApiError, type ApiErrorDetails, isApiError } from './errors/api-error.ts';
export { GenAuthError, isGenAuthError } from './errors/genauth-error.ts';
export { isNetworkError, NetworkError } from './errors/network-error.ts';
export { isTimeoutError, TimeoutError } from './errors/timeout-error.ts';
export {
  isUnknownOutcomeError,
  type LostReply,
  UnknownOutcomeError,
  unknownOutcome,
} from './errors/unknown-outcome-error.ts';
export { normalizeHost } from './host.ts';
export { encodeParams } from './params.ts';
export { encodeQuery, type QueryValue } from './query.ts';
export { BODY_TIMED_OUT, BODY_TOO_LARGE, readBody } from './read-body.ts';
export {
  type BaseTransportOptions,
  type CallOptions,
  createBaseTransport,
  DEFAULT_MAX_REPLY_BYTES,
  DEFAULT_RETRY,
  DEFAULT_TIMEOUT,
  type EncodedParams,
  type LostReplyHandler,
  type ParamsEncoder,
  type ParamsOf,
  type ReplyOf,
  type Transport,
  type TransportOptions,
} from './transport.ts';
