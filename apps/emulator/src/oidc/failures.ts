/**
 * The hosted login's answer to a request that failed before its handler could answer (a body
 * or a head over the emulator's caps, a body cut short): OAuth clients read the HTTP status, so
 * these are an RFC 6749 5.2 JSON error or, on the routes a browser opens, an error page, with
 * the real status, where the API side answers with its envelope (and HTTP 200 by default).
 *
 * @module
 */
import { errorPage, pageCsp } from './pages.ts';

/** The routes a browser navigates to, which answer with pages; the others answer with JSON. */
const PAGE_ROUTES = new Set(['/oidc/auth', '/oidc/auth/login', '/oidc/session/end']);

/** What each failure says. */
const DESCRIPTIONS = {
  headTooLarge: 'the request head is larger than the emulator accepts',
  payloadTooLarge: 'the request body is larger than the emulator accepts',
  invalidParam: 'the request body could not be read',
  unknownError: 'the emulator failed to answer this request',
} as const;

/** A failure outside the handlers, by the emulator's message key (any other key: unknown). */
export type OidcFailureKind = keyof typeof DESCRIPTIONS;

/** A failure reply: its content type, extra headers and body. */
export interface OidcFailureReply {
  readonly contentType: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The reply to a failure on `path` with this status, or `undefined` when `path` is not the provider's. */
export function oidcFailure(path: string, kind: string, status: number): OidcFailureReply | undefined {
  if (!path.startsWith('/oidc/')) return undefined;
  const description = DESCRIPTIONS[kind as OidcFailureKind] ?? DESCRIPTIONS.unknownError;
  const error = status >= 500 ? 'server_error' : 'invalid_request';
  if (PAGE_ROUTES.has(path)) {
    return {
      contentType: 'text/html; charset=UTF-8',
      headers: { 'content-security-policy': pageCsp({ callbackOrigins: [] }) },
      body: errorPage(error, description),
    };
  }
  return {
    contentType: 'application/json',
    headers: {},
    body: JSON.stringify({ error, error_description: description }),
  };
}
