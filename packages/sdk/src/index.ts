/**
 * Tiny typed browser SDK for GenAuth (formerly Authing): `AuthenticationClient.getGroupList()`,
 * the signed-in user's groups, validated.
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
  isValidationError,
  NetworkError,
  type RetryOptions,
  TimeoutError,
  ValidationError,
  type ValidationIssue,
} from '@genauth-groups/core';
export type { GroupDto, GroupListRespDto, UserDto } from '@genauth-groups/models';
export {
  type AccessToken,
  type AccessTokenRequest,
  AuthenticationClient,
  type AuthenticationClientOptions,
  type RequestOptions,
} from './authentication-client.ts';
