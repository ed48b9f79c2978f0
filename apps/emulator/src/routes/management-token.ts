import type * as models from '@genauth-groups/models';
import { sameSecret } from '../auth/same-secret.ts';
import { ApiError } from '../http/api-error.ts';
import type { EndpointHandler } from '../http/served-endpoint.ts';

/** The service's management token lifetime (contract 5.2). */
const MANAGEMENT_TOKEN_TTL_SECONDS = 7200;

/** `POST /api/v3/get-management-token`: access key id and secret for a JWT (contract 5.2). */
export const getManagementToken: EndpointHandler<typeof models.getManagementToken> = async (
  { accessKeyId, accessKeySecret },
  { credentials, tokens, faults },
) => {
  if (accessKeyId !== credentials.accessKeyId || !sameSecret(accessKeySecret, credentials.accessKeySecret)) {
    throw new ApiError(401, 'invalidAccessKey');
  }
  // A fault may shorten the lifetime, so that clients can test renewal.
  const expiresIn = faults.managementTokenTtlSeconds(MANAGEMENT_TOKEN_TTL_SECONDS);
  const accessToken = await tokens.issueManagementToken(credentials.userPoolId, expiresIn);
  return { access_token: accessToken, expires_in: expiresIn };
};
