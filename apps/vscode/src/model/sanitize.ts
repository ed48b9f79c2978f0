import type { UserDto } from '@genauth-groups/models';

const MASK = '***';

/**
 * A user without the identity-provider tokens a reply may carry (`identities[].accessToken` and
 * `refreshToken`; management APIs normally omit them): what the details panel and "Copy as JSON"
 * show.
 */
export function withoutTokens(user: UserDto): UserDto {
  if (!user.identities) return user;
  return {
    ...user,
    identities: user.identities.map((identity) => ({
      ...identity,
      ...(identity.accessToken ? { accessToken: MASK } : {}),
      ...(identity.refreshToken ? { refreshToken: MASK } : {}),
    })),
  };
}
