import type { MiddlewareHandler } from 'hono';
import { unauthorized } from '../http/api-error.ts';
import type { AppEnv } from '../http/context.ts';
import type { Store } from '../store/store.ts';
import type { Tokens, UserClaims } from './tokens.ts';

/**
 * Authenticates an end user on the authentication side (contract 4.1): the access token in
 * `authorization`, raw (Node, Python, Go) or `Bearer` (Java, @authing/web), issued for the app that
 * `x-authing-app-id` names, from `/api/v3/signin` or from the hosted login's `/oidc/token`. Sets the
 * `user` variable.
 *
 * @throws {ApiError} 401 apiCode 2020 for a missing, invalid or expired token, a token of another
 *   app (inferred: the service's answer to a mismatched app id is undocumented), or a deleted user.
 */
export function userAuth(
  tokens: Tokens,
  store: Store,
  verifyOidcToken: (token: string) => Promise<UserClaims | undefined>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = c.req.header('authorization')?.replace(/^Bearer\s+/i, '');
    // A token from password sign-in, or one from the hosted login (OIDC): both work alike.
    const claims = token
      ? ((await tokens.verifyUserToken(token)) ?? (await verifyOidcToken(token)))
      : undefined;
    if (!claims || claims.appId !== c.req.header('x-authing-app-id')) throw unauthorized();
    const user = store.findUser('user_id', claims.userId);
    if (!user) throw unauthorized();
    c.set('user', user);
    await next();
  };
}
