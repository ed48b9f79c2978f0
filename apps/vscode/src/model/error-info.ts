import { isApiError, isNetworkError, isTimeoutError, isValidationError } from '@genauth-groups/management';
import { RepeatedPageError } from './page-loader.ts';

/** A connection has no access key secret in the secret storage yet. */
export class MissingSecretError extends Error {
  override readonly name = 'MissingSecretError';
  constructor(label: string) {
    super(`No access key secret is stored for ${label}.`);
  }
}

/**
 * What went wrong, in the terms the tree shows it. `detail` is the error's own message, which the
 * errors of the client keep free of secrets and received values.
 */
export type ErrorInfo =
  | { readonly kind: 'missingSecret' }
  /** The server refused the credentials (HTTP-like status 401/403, signature or token apiCodes). */
  | { readonly kind: 'auth'; readonly detail: string; readonly requestId: string | undefined }
  | { readonly kind: 'api'; readonly detail: string; readonly requestId: string | undefined }
  | { readonly kind: 'network'; readonly detail: string }
  | { readonly kind: 'timeout'; readonly detail: string }
  /** A reply (or, rarely, our parameters) did not have the documented shape. */
  | { readonly kind: 'malformed'; readonly detail: string }
  | { readonly kind: 'repeatedPage'; readonly page: number }
  | { readonly kind: 'unknown'; readonly detail: string };

// apiCodes of a refused signature (1300-1306) or management token (2020), contract section 5.
const AUTH_API_CODES = new Set([1300, 1301, 1302, 1303, 1304, 1305, 1306, 2020]);

/** Classifies an error for display. */
export function errorInfo(error: unknown): ErrorInfo {
  if (error instanceof MissingSecretError) return { kind: 'missingSecret' };
  if (error instanceof RepeatedPageError) return { kind: 'repeatedPage', page: error.page };
  if (isApiError(error)) {
    const refused =
      error.statusCode === 401 ||
      error.statusCode === 403 ||
      (error.apiCode !== undefined && AUTH_API_CODES.has(error.apiCode));
    return { kind: refused ? 'auth' : 'api', detail: error.message, requestId: error.requestId };
  }
  if (isNetworkError(error)) return { kind: 'network', detail: error.message };
  if (isTimeoutError(error)) return { kind: 'timeout', detail: error.message };
  if (isValidationError(error)) return { kind: 'malformed', detail: error.message };
  return { kind: 'unknown', detail: error instanceof Error ? error.message : String(error) };
}

/** One line for the log: the error class and its message (already free of secrets). */
export function errorLogLine(error: unknown): string {
  if (error instanceof Error) {
    const requestId = isApiError(error) && error.requestId ? ` (requestId ${error.requestId})` : '';
    return `${error.name}: ${error.message}${requestId}`;
  }
  return String(error);
}
