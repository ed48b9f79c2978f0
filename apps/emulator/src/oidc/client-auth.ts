/**
 * Client authentication at `/oidc/token` (RFC 6749 2.3): `client_id` (and `client_secret`) in
 * the form body, HTTP Basic (`client_secret_basic`), or, for a refresh, `x-authing-app-id` (what
 * `@authing/web`'s `refreshToken()` sends instead, contract 16.3).
 *
 * @module
 */
import { sameSecret } from '../auth/same-secret.ts';

/** Why the client is refused, as the token endpoint answers it (RFC 6749 5.2). */
export interface ClientRefusal {
  readonly error: 'invalid_client' | 'invalid_request';
  readonly description: string;
  readonly status: 400 | 401;
  /**
   * The `WWW-Authenticate` challenge: RFC 6749 5.2 requires one matching the scheme of a client
   * that failed in the `Authorization` header. The realm is ours (inferred: GenAuth's is unknown).
   */
  readonly challenge?: string;
}

/** What a token request offers to authenticate its client. */
export interface ClientCredentials {
  readonly form: URLSearchParams;
  readonly authorization: string | undefined;
  readonly appIdHeader: string | undefined;
}

/** The app a client authenticates as. */
export interface ClientApp {
  readonly appId: string;
  /** Checked when a client sends one; never required (a public client, auth method `none`). */
  readonly appSecret: string;
}

const ONE_WAY =
  'authenticate the client one way only: HTTP Basic, or client_id and client_secret in the body';

/** The authenticated client's id, or why it is refused. A secret, when sent, must be the app's. */
export function authenticateClient(request: ClientCredentials, app: ClientApp): string | ClientRefusal {
  const { form } = request;
  const basic = request.authorization?.match(/^Basic\s+(.+)$/i)?.[1];
  if (!basic) {
    // An empty parameter is an omitted one (RFC 6749 3.2).
    return check(form.get('client_id') || request.appIdHeader, form.get('client_secret') || undefined, app);
  }
  const credentials = decodeBasic(basic);
  if (!credentials) {
    return refuseBasic('the Basic credentials are not form-encoded');
  }
  // RFC 6749 2.3: one authentication method per request. A client_id in the body that names
  // the same client is harmless (some clients always send it); anything else is a second method.
  const formId = form.get('client_id');
  if (form.get('client_secret') || (formId && formId !== credentials.id)) {
    return { error: 'invalid_request', description: ONE_WAY, status: 400 };
  }
  const result = check(credentials.id, credentials.secret, app);
  return typeof result === 'string' ? result : refuseBasic(result.description);
}

function check(
  clientId: string | undefined,
  secret: string | undefined,
  app: ClientApp,
): string | ClientRefusal {
  if (clientId !== app.appId) {
    return { error: 'invalid_client', description: 'client_id is not this app', status: 401 };
  }
  if (secret !== undefined && !sameSecret(secret, app.appSecret)) {
    return { error: 'invalid_client', description: 'the client secret is wrong', status: 401 };
  }
  return clientId;
}

function refuseBasic(description: string): ClientRefusal {
  return { error: 'invalid_client', description, status: 401, challenge: 'Basic realm="oidc"' };
}

/**
 * The client id and secret of HTTP Basic credentials, each form-encoded (RFC 6749 2.3.1); a
 * malformed escape (`%FF`, a lone `%`) is a failed authentication, as a wrong secret is, not a
 * server error. No colon: the whole is the id, with an empty secret.
 */
function decodeBasic(basic: string): { id: string; secret: string } | undefined {
  const decoded = Buffer.from(basic, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  try {
    return {
      id: decodeURIComponent(colon < 0 ? decoded : decoded.slice(0, colon)),
      secret: colon < 0 ? '' : decodeURIComponent(decoded.slice(colon + 1)),
    };
  } catch {
    return undefined;
  }
}
