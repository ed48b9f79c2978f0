import type * as models from '@genauth-groups/models';
import type { AppParts } from '../app-parts.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { sameSecret } from '../auth/same-secret.ts';
import { ApiError } from '../http/api-error.ts';
import type { EndpointHandler } from '../http/served-endpoint.ts';

/** The scope of a sign-in that names none (authing-node-sdk's `DEFAULT_SCOPE`). */
const DEFAULT_SCOPE = 'openid profile';

/** The fields of `passwordPayload` that name the account, in the order they are tried. */
const ACCOUNT_FIELDS = ['username', 'email', 'phone', 'account'] as const;

/**
 * `POST /api/v3/signin`: password sign-in, as authing-node-sdk's
 * `signInBy{Username,Email,Account}Password` call it; how an end user gets a token.
 */
export const signIn: EndpointHandler<typeof models.signIn> = async (body, parts, c) => {
  const { store, tokens, credentials } = parts;
  authenticateClient(credentials, c.req.header('authorization'), c.req.header('x-authing-app-id'), body);
  const payload = body.passwordPayload;
  const field = ACCOUNT_FIELDS.find((name) => payload[name]);
  const user = field && store.findAccount(field, payload[field] as string);
  if (!user?.password_hash || !verifyPassword(payload.password, user.password_hash)) {
    throw new ApiError(400, 'wrongPassword', { apiCode: 2333 });
  }
  store.recordLogin(user.seq, credentials.appId);
  const requested = body.options?.scope;
  const scope = typeof requested === 'string' && requested ? requested : DEFAULT_SCOPE;
  const ttl = parts.accessTokenTtlSeconds;
  const profile = {
    userId: user.user_id,
    username: user.username as string | null,
    email: user.email as string | null,
    name: user.name as string | null,
  };
  return {
    scope,
    access_token: await tokens.issueUserToken({ userId: user.user_id, appId: credentials.appId }, scope, ttl),
    ...(scope.split(' ').includes('openid')
      ? {
          id_token: await tokens.issueIdToken(
            profile,
            credentials.appId,
            credentials.appSecret,
            `${new URL(c.req.url).origin}/oidc`,
            ttl,
          ),
        }
      : {}),
    token_type: 'Bearer',
    expire_in: ttl,
  };
};

/**
 * Checks the app of a sign-in with the token endpoint auth method the client uses: `none` (app id
 * only), `client_secret_post` (`client_id`, `client_secret` in the body) or `client_secret_basic`
 * (`authorization: Basic base64(appId:appSecret)`). A secret is checked whenever one is sent.
 */
function authenticateClient(
  app: AppParts['credentials'],
  authorization: string | undefined,
  headerAppId: string | undefined,
  body: { readonly client_id?: string | undefined; readonly client_secret?: string | undefined },
): void {
  let clientId = body.client_id;
  let secret = body.client_secret;
  if (authorization && /^Basic\s/i.test(authorization)) {
    const decoded = Buffer.from(authorization.replace(/^Basic\s+/i, ''), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    clientId = colon < 0 ? decoded : decoded.slice(0, colon);
    secret = colon < 0 ? '' : decoded.slice(colon + 1);
  }
  const appIds = [clientId, headerAppId].filter((id) => id !== undefined);
  if (appIds.length === 0 || appIds.some((id) => id !== app.appId)) {
    throw new ApiError(404, 'appNotFound', { apiCode: 2011 });
  }
  if (secret !== undefined && !sameSecret(secret, app.appSecret)) throw new ApiError(401, 'appSecretInvalid');
}
