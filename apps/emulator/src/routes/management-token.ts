import { getManagementToken } from '@genauth-groups/models';
import { Hono } from 'hono';
import { sameSecret } from '../auth/same-secret.ts';
import type { Tokens } from '../auth/tokens.ts';
import type { Faults } from '../faults.ts';
import { ApiError } from '../http/api-error.ts';
import type { AppEnv } from '../http/context.ts';
import { readJson, validate } from '../http/params.ts';
import { ok } from '../http/reply.ts';

/** The service's management token lifetime (contract 5.2). */
export const MANAGEMENT_TOKEN_TTL_SECONDS = 7200;

/** What the token exchange needs. */
export interface ManagementTokenOptions {
  readonly userPoolId: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly tokens: Tokens;
  /** Shortens token lifetimes when a fault says so. */
  readonly faults: Faults;
}

/** `POST /api/v3/get-management-token`: access key id and secret for a JWT (contract 5.2). */
export function managementTokenRoutes(options: ManagementTokenOptions): Hono<AppEnv> {
  return new Hono<AppEnv>().post(getManagementToken.path, async (c) => {
    const { accessKeyId, accessKeySecret } = validate(getManagementToken.params, await readJson(c));
    if (accessKeyId !== options.accessKeyId || !sameSecret(accessKeySecret, options.accessKeySecret)) {
      throw new ApiError(401, 'invalidAccessKey');
    }
    const expiresIn = options.faults.managementTokenTtlSeconds(MANAGEMENT_TOKEN_TTL_SECONDS);
    const accessToken = await options.tokens.issueManagementToken(options.userPoolId, expiresIn);
    return ok(c, { access_token: accessToken, expires_in: expiresIn });
  });
}
