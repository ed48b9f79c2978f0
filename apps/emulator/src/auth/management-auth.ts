import type { MiddlewareHandler } from 'hono';
import { unauthorized } from '../http/api-error.ts';
import type { AppContext, AppEnv } from '../http/context.ts';
import { readJson } from '../http/params.ts';
import type { NonceCache } from './nonce-cache.ts';
import { type AccessKey, isSignature, verifySignature } from './signature.ts';
import type { ManagementClaims, Tokens } from './tokens.ts';

/** What management authentication checks against. */
export interface ManagementAuthOptions {
  readonly userPoolId: string;
  readonly key: AccessKey;
  readonly tokens: Tokens;
  readonly nonces: NonceCache;
  readonly clock: () => number;
  /** How far a signature's timestamp may be from the clock, either way, in ms. */
  readonly signatureWindowMs: number;
}

/**
 * Accepts the two schemes of the official SDKs (contract 5.1, 12): an HMAC-SHA1 signature
 * (`authing <AK>:<signature>`, authing-node-sdk 4.x) or a management token, raw (Java) or
 * `Bearer` (Python, Go). With a token, `x-authing-userpool-id`, when sent, must name the token's pool.
 *
 * @throws {ApiError} 401 apiCode 2020 without valid credentials, 1300-1306 for a bad signature.
 */
export function managementAuth(options: ManagementAuthOptions): MiddlewareHandler<AppEnv> {
  // Not async: a token verified before is checked without waiting, and each await would be a
  // turn of the microtask queue for every request.
  return (c, next) => {
    const authorization = c.req.header('authorization');
    if (!authorization) throw unauthorized();
    if (isSignature(authorization)) return checkSignature(c, authorization, options).then(() => next());
    const token = authorization.replace(/^Bearer\s+/i, '');
    const remembered = options.tokens.rememberedManagementToken(token);
    if (remembered) {
      checkPool(c, remembered, options.userPoolId);
      return next();
    }
    return options.tokens.verifyManagementToken(token).then((claims) => {
      checkPool(c, claims, options.userPoolId);
      return next();
    });
  };
}

async function checkSignature(
  c: AppContext,
  authorization: string,
  options: ManagementAuthOptions,
): Promise<void> {
  const url = new URL(c.req.url);
  const body = c.req.method === 'GET' ? undefined : await readJson(c).catch(() => undefined);
  verifySignature(
    {
      method: c.req.method,
      path: url.pathname,
      query: url.searchParams,
      body,
      headers: c.req.raw.headers,
    },
    authorization,
    options.key,
    { now: options.clock(), windowMs: options.signatureWindowMs, nonces: options.nonces },
  );
}

/** A token's pool must be ours, and `x-authing-userpool-id`, when sent, must name it. */
function checkPool(c: AppContext, claims: ManagementClaims | undefined, userPoolId: string): void {
  const poolHeader = c.req.header('x-authing-userpool-id');
  if (claims?.userPoolId !== userPoolId || (poolHeader && poolHeader !== claims.userPoolId)) {
    throw unauthorized();
  }
}
