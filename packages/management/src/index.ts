/**
 * Management client for GenAuth (formerly Authing) V3 user groups. Node.js and the VS Code
 * extension host only: it holds an access key secret.
 *
 * @module
 */

export {
  ApiError,
  GenAuthError,
  isApiError,
  isGenAuthError,
  isNetworkError,
  isTimeoutError,
  isUnknownOutcomeError,
  isValidationError,
  type LostReply,
  NetworkError,
  type RetryOptions,
  TimeoutError,
  UnknownOutcomeError,
  ValidationError,
  type ValidationIssue,
} from '@genauth-groups/core';
export { ManagementClient, type PagingParams, type RequestOptions, VERSION } from './management-client.ts';
export type { ManagementClientOptions } from './options.ts';
export type { Page } from './paging.ts';
